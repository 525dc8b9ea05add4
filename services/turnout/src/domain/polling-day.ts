import { DateTime } from 'luxon';
import type { ScheduledElection } from './scheduled-election';

/** The official polling hours of one election as instants: every precinct opens and closes by them. */
export interface PollingDay {
  readonly electionId: string;
  readonly electionDate: string;
  readonly timeZone: string;
  /** ISO instant (UTC) of pollsOpenAt on electionDate in timeZone */
  readonly opensAt: string;
  /** ISO instant (UTC) of pollsCloseAt on electionDate in timeZone */
  readonly closesAt: string;
}

/** DOMAIN: polling stations open 07:00–20:00 local time in Asia/Bishkek, unless an election is called with other hours. */
export const STATUTORY_POLLING_HOURS = {
  timeZone: 'Asia/Bishkek',
  pollsOpenAt: '07:00',
  pollsCloseAt: '20:00',
} as const;

// each election carries its own hours (ElectionCalled); the statutory ones above are what it is usually called with
export function pollingDayOf(election: ScheduledElection): PollingDay {
  const atLocalTime = (time: string) =>
    DateTime.fromISO(`${election.electionDate}T${time}`, { zone: election.timeZone }).toUTC().toISO();
  return {
    electionId: election.electionId,
    electionDate: election.electionDate,
    timeZone: election.timeZone,
    opensAt: atLocalTime(election.pollsOpenAt) as string,
    closesAt: atLocalTime(election.pollsCloseAt) as string,
  };
}

/** An instant as a poll worker reads it on the station's wall clock: `2030-11-24 19:59:58 Asia/Bishkek`. */
export function wallClock(instant: string, timeZone: string): string {
  return `${DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss')} ${timeZone}`;
}

export const millisOf = (instant: string): number => Date.parse(instant);

export const instantOf = (millis: number): string => new Date(millis).toISOString();
