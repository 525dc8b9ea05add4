import { z } from 'zod';
import { lifetimeKeyOf, type Role } from './roles';

const HOUR = 3600;

/**
 * The longest `exp - iat` a token of each role may have, in seconds. A poll worker's and a commission's cover a
 * polling day with its preparation and count (a poll worker's also ends with the polling day, see PollingDayEnds);
 * a CEC operator's a shift; an auditor's a day of export and verification; people, ministries and employers an hour.
 */
export const DEFAULT_MAX_LIFETIMES: Readonly<Record<string, number>> = {
  'poll-worker': 18 * HOUR,
  commission: 18 * HOUR,
  'cec-operator': 12 * HOUR,
  auditor: 24 * HOUR,
  cabinet: 12 * HOUR,
  ministry: 1 * HOUR,
  citizen: 1 * HOUR,
  employer: 1 * HOUR,
};

/** `AUTH_MAX_LIFETIMES`: a JSON object of seconds by role key, merged over the defaults. */
export const maxLifetimesSchema = z
  .partialRecord(
    z.enum(Object.keys(DEFAULT_MAX_LIFETIMES) as [string, ...string[]], {
      error: `expected role keys among ${Object.keys(DEFAULT_MAX_LIFETIMES).join(', ')}`,
    }),
    z.number({ error: 'expected seconds' }).int().positive(),
  )
  .transform((given): Readonly<Record<string, number>> => ({
    ...DEFAULT_MAX_LIFETIMES,
    ...(given as Record<string, number>),
  }));

/** The maximum lifetime of a token carrying these roles: the strictest of theirs. */
export function maxLifetimeOf(
  roles: readonly Role[],
  limits: Readonly<Record<string, number>> = DEFAULT_MAX_LIFETIMES,
): { readonly seconds: number; readonly role: Role } {
  let strictest: { seconds: number; role: Role } | undefined;
  for (const role of roles) {
    const seconds = limits[lifetimeKeyOf(role)] ?? DEFAULT_MAX_LIFETIMES[lifetimeKeyOf(role)] ?? HOUR;
    if (!strictest || seconds < strictest.seconds) strictest = { seconds, role };
  }
  if (!strictest) throw new Error('a token carries at least one role');
  return strictest;
}
