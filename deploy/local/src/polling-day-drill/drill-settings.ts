import { DateTime } from 'luxon';

export const DRILL_DEFAULTS = {
  citizens: 50_000,
  seed: 'kyrgyzstan',
  timeZone: 'Asia/Bishkek',
  /** 13 polling hours in 2 min 36 s; from Bishkek's opening to Moscow's close (16 h), 3 min 12 s */
  speed: 300,
  graceMinutes: 30,
} as const;

/** The drill's polling day: the last Sunday of November next year, always ahead of voter-roll's real today. */
export function defaultDrillDate(today: Date = new Date()): string {
  let day = DateTime.fromObject({ year: today.getUTCFullYear() + 1, month: 11, day: 30 });
  while (day.weekday !== 7) day = day.minus({ days: 1 });
  return day.toISODate() as string;
}

/** Real seconds from the stack's start to the opening of the polls: the import, lists and projection fit in it. */
export function preparationSeconds(citizens: number): number {
  return Math.round(60 + (citizens * 1.2) / 1_000);
}

/** The shared drill clock's start: so that it reaches 07:00 on polling day about `leadSeconds` after it starts. */
export function drillClockStart(
  opensAt: string,
  speed: number,
  leadSeconds: number,
): { readonly startsAt: Date; readonly speed: number } {
  return { startsAt: new Date(Date.parse(opensAt) - leadSeconds * speed * 1000), speed };
}
