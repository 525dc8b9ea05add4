import type { Actor } from '@vl/contracts';
import { DateTime } from 'luxon';
import type { CheckInVoter, CheckInCircumstances } from './check-in-voter';
import { DEFAULT_CHECK_IN_POLICY } from './check-in-policy';
import { pollingDayOf, STATUTORY_POLLING_HOURS } from './polling-day';
import { participationOpen } from './participation';
import type { Polls } from './polls';
import type { ScheduledElection } from './scheduled-election';
import { unlisted, type VoterPlacement } from './voter-placement';
import type { IdentifiedCheckInEvent } from './voter-check-in';

// Fixtures for the domain's given/when/then tests: one election, three precincts, one voter.
export const ELECTION: ScheduledElection = {
  electionId: '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2030-11-24',
  ...STATUTORY_POLLING_HOURS,
};
export const DAY = pollingDayOf(ELECTION, 'Asia/Bishkek');
// consular precincts keep the election's hours on their host city's clock (polling-hours-abroad.unit.spec.ts)
export const MOSCOW = '9999-001';
export const SEOUL = '9999-004';
export const MOSCOW_DAY = pollingDayOf(ELECTION, 'Europe/Moscow');
export const SEOUL_DAY = pollingDayOf(ELECTION, 'Asia/Seoul');
export const HOME = '1101-001';
export const OTHER = '1101-002';
export const THIRD = '1203-017';
export const VOTER = '21503199000017';
export const ANOTHER_VOTER = '10201198500042';
export const CHECK_IN_ID = '019aa000-0000-7000-8000-000000000001';
export const SECOND_CHECK_IN_ID = '019aa000-0000-7000-8000-000000000002';
export const THIRD_CHECK_IN_ID = '019aa000-0000-7000-8000-000000000003';
export const CHAIR: Actor = { subject: 'chair-1101-001', role: 'commission' };
export const MEMBER: Actor = { subject: 'member-1101-001', role: 'commission' };
export const POLL_WORKER: Actor = { subject: 'pw-1101-001-a', role: 'poll-worker' };
export const CEC_OPERATOR: Actor = { subject: 'cec-operator-7', role: 'cec-operator' };

/** A wall-clock time on polling day in Bishkek, as a UTC instant: `bishkek('19:59:59.999')`. */
export function bishkek(time: string, date = ELECTION.electionDate): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: 'Asia/Bishkek' }).toUTC().toISO() as string;
}

/** A wall-clock time on polling day in any precinct's zone: `localTime('Europe/Moscow', '07:00')`. */
export function localTime(timeZone: string, time: string, date = ELECTION.electionDate): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
}

export const openSince = (time: string): Polls => ({
  status: 'open',
  openedAt: bishkek(time),
  openedBy: CHAIR,
});

export const closedAt = (time: string, openedAt = '07:00'): Polls => ({
  status: 'closed',
  openedAt: bishkek(openedAt),
  openedBy: CHAIR,
  closedAt: bishkek(time),
  closedBy: CHAIR,
});

export const listedAt = (...precincts: string[]): VoterPlacement => ({ ...unlisted, listedAt: precincts });

export function attempt(overrides: Partial<CheckInVoter> = {}): CheckInVoter {
  return {
    checkInId: CHECK_IN_ID,
    electionId: ELECTION.electionId,
    personalNumber: VOTER,
    precinctId: HOME,
    method: 'station',
    identification: 'biometric',
    pollWorker: POLL_WORKER,
    receivedAt: bishkek('09:00'),
    device: null,
    ...overrides,
  };
}

export function circumstances(overrides: Partial<CheckInCircumstances> = {}): CheckInCircumstances {
  return {
    pollingDay: DAY,
    polls: openSince('07:00'),
    placement: listedAt(HOME),
    policy: DEFAULT_CHECK_IN_POLICY,
    participation: participationOpen,
    checkInIdTakenByAnotherVoter: false,
    ...overrides,
  };
}

export function checkedInEvent(
  checkInId: string,
  precinctId: string,
  checkedInAt: string,
  device: { deviceId: string; sequence: number; deviceTime: string } | null = null,
): IdentifiedCheckInEvent {
  return {
    type: 'VoterCheckedIn',
    eventId: checkInId,
    payload: {
      electionId: ELECTION.electionId,
      personalNumber: VOTER,
      precinctId,
      method: 'station',
      identification: 'biometric',
      pollWorker: POLL_WORKER,
      checkedInAt,
      device,
    },
  };
}

export const revokedEvent = (precinctId: string): IdentifiedCheckInEvent => ({
  type: 'CheckInRevoked',
  eventId: '019aa000-0000-7000-8000-0000000000ff',
  payload: {
    electionId: ELECTION.electionId,
    personalNumber: VOTER,
    precinctId,
    reason: 'identified the wrong voter: twin brother',
    revokedBy: MEMBER,
  },
});
