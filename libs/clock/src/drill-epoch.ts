import { DateTime, Duration } from 'luxon';

/** From the real instant `realAtMs` on, the drill clock reads `drillAtMs` and runs `speed` times real time. */
export interface DrillEpoch {
  /** one drill: a new start is a new drill, an advance keeps it */
  readonly drillId: string;
  readonly drillAtMs: number;
  readonly realAtMs: number;
  /** drill seconds per real second */
  readonly speed: number;
}

/** A jump of the drill clock: by an ISO 8601 duration (P5Y, P14D, PT6H) or to a later instant. */
export type DrillAdvance = { readonly by: string } | { readonly to: string };

// a polling day of 13 hours still lasts 13 seconds at the fastest
export const MAX_DRILL_SPEED = 3600;

/** The drill instant, in milliseconds, at the real instant `realMs`. */
export function drillTimeAt(epoch: DrillEpoch, realMs: number): number {
  return epoch.drillAtMs + (realMs - epoch.realAtMs) * epoch.speed;
}

/** Where an advance takes a drill clock that reads `drillMs`; never backwards. */
export function advancedDrillTime(
  drillMs: number,
  advance: DrillAdvance,
): { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string } {
  const reads = new Date(Math.floor(drillMs)).toISOString();
  if ('by' in advance) {
    const duration = Duration.fromISO(advance.by);
    if (!duration.isValid)
      return {
        ok: false,
        error: `by: expected an ISO 8601 duration such as P5Y, P14D or PT6H, got ${advance.by}`,
      };
    // calendar arithmetic in UTC: P1Y is the same date a year on, whatever its length in days
    const target = DateTime.fromMillis(drillMs, { zone: 'utc' }).plus(duration).toMillis();
    if (!(target > drillMs))
      return { ok: false, error: `by: ${advance.by} does not move the drill clock forward` };
    return { ok: true, value: target };
  }
  const target = Date.parse(advance.to);
  if (Number.isNaN(target) || !/[zZ]|[+-]\d\d:\d\d$/.test(advance.to))
    return { ok: false, error: `to: expected an ISO 8601 instant with its offset, got ${advance.to}` };
  if (target <= drillMs)
    return { ok: false, error: `to: the drill clock reads ${reads} and never goes back to ${advance.to}` };
  return { ok: true, value: target };
}
