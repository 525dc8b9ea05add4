/** The server's clock: receive times, polls opening and closing. Tests and benchmarks put polling day on it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
