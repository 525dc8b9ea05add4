/** The one source of "now" for a service's decisions: receive times, polls, deadlines (ARCHITECTURE invariant 6). */
export interface Clock {
  now(): Date;
}

/** The Nest token every service injects its clock by. */
export const CLOCK = Symbol('CLOCK');

/** What a service's clock is: the real one, the shared drill clock, or one a test put in place. */
export type ClockKind = 'system' | 'drill' | 'given';

export const systemClock: Clock = { now: () => new Date() };
