import { DateTime } from 'luxon';

/** Policy dates are local dates of the Kyrgyz Republic (Asia/Bishkek, UTC+6, no DST). */
export const POLICY_TIME_ZONE = 'Asia/Bishkek';

/** The local date of an instant, YYYY-MM-DD, as effective dates and election dates are written. */
export function policyDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: POLICY_TIME_ZONE }).toISODate() as string;
}
