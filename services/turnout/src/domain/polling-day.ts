import { DateTime } from 'luxon';
import type { ScheduledElection } from './scheduled-election';

/** The official polling hours of one election at one precinct, as instants: local to the precinct's zone. */
export interface PollingDay {
  readonly electionId: string;
  readonly electionDate: string;
  /** the precinct's zone (abroad, its host city's); the election's own for what is not a precinct's */
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

/**
 * Each election carries its own hours (ElectionCalled); a precinct keeps them on its own wall clock on the election's
 * date, the home country's polling day: a precinct in Moscow opens at 07:00 Moscow time (PrecinctRegistered v2).
 */
export function pollingDayOf(election: ScheduledElection, timeZone: string): PollingDay {
  return {
    electionId: election.electionId,
    electionDate: election.electionDate,
    timeZone,
    opensAt: localInstantOf(election.electionDate, election.pollsOpenAt, timeZone),
    closesAt: localInstantOf(election.electionDate, election.pollsCloseAt, timeZone),
  };
}

/** The start of the election's date on the precinct's clock: a device time from then on is on polling day. */
export function localMidnightOf(day: PollingDay): string {
  return localInstantOf(day.electionDate, '00:00', day.timeZone);
}

// every check-in asks for its precinct's hours: zone arithmetic costs tens of microseconds, a map look-up none
const localInstants = new Map<string, string>();
const LOCAL_INSTANTS_KEPT = 10_000;

function localInstantOf(date: string, time: string, timeZone: string): string {
  const key = `${date}T${time} ${timeZone}`;
  let instant = localInstants.get(key);
  if (instant === undefined) {
    instant = DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
    if (localInstants.size >= LOCAL_INSTANTS_KEPT) localInstants.clear();
    localInstants.set(key, instant);
  }
  return instant;
}

/** An instant as a poll worker reads it on the station's wall clock: `2030-11-24 19:59:58 Asia/Bishkek`. */
export function wallClock(instant: string, timeZone: string): string {
  return `${DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss')} ${timeZone}`;
}

export const millisOf = (instant: string): number => Date.parse(instant);

export const instantOf = (millis: number): string => new Date(millis).toISOString();

/** Of the polling days of an election's precincts, the one that closes last: nothing is final before it. */
export function lastToClose(days: readonly PollingDay[]): PollingDay | undefined {
  return days.reduce<PollingDay | undefined>(
    (latest, day) =>
      latest === undefined || millisOf(day.closesAt) > millisOf(latest.closesAt) ? day : latest,
    undefined,
  );
}
