import { DateTime } from 'luxon';

/** Statutory polling hours, 07:00–20:00 on each precinct's own clock (turnout's STATUTORY_POLLING_HOURS). */
export const OPENING_TIME = '07:00';
export const CLOSING_TIME = '20:00';

/** The instant a local time of the election's date falls at in a precinct's zone. */
export function localInstant(electionDate: string, timeZone: string, time: string): string {
  return new Date(DateTime.fromISO(`${electionDate}T${time}`, { zone: timeZone }).toMillis()).toISOString();
}

/** When a precinct in `timeZone` opens and closes its polls on the election's date. */
export function pollingHoursOf(
  electionDate: string,
  timeZone: string,
): { readonly opensAt: string; readonly closesAt: string } {
  return {
    opensAt: localInstant(electionDate, timeZone, OPENING_TIME),
    closesAt: localInstant(electionDate, timeZone, CLOSING_TIME),
  };
}
