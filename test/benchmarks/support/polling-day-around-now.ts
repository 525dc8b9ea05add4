import { DateTime } from 'luxon';

/** Today's date and an Etc/GMT zone in which it is about noon now, so polls 00:00–23:59 surely hold the run. */
export function pollingDayAroundNow(): { electionDate: string; timeZone: string } {
  const shift = Math.max(-12, Math.min(14, 12 - new Date().getUTCHours()));
  const timeZone = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
  return { electionDate: DateTime.now().setZone(timeZone).toISODate() as string, timeZone };
}
