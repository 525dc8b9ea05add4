import type { Clock } from './clock';

/** A rehearsal of polling day: the clock starts at `startsAt` when the service boots and runs `speed` times fast. */
export interface PollingDayDrill {
  /** ISO instant the clock reads at boot */
  readonly startsAt: string;
  /** drill seconds per real second */
  readonly speed: number;
}

export const POLLING_DAY_DRILL = Symbol('POLLING_DAY_DRILL');

/** now() = startsAt + (real time since this call) × speed; `realNow` is the real clock in milliseconds. */
export function drillClock(drill: PollingDayDrill, realNow: () => number = Date.now): Clock {
  const bootedAt = realNow();
  const startsAt = Date.parse(drill.startsAt);
  return { now: () => new Date(startsAt + Math.round((realNow() - bootedAt) * drill.speed)) };
}
