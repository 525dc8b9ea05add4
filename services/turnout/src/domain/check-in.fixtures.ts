import { DateTime } from 'luxon';
import type { CheckInVoter, CheckInCircumstances } from './check-in-voter';
import { DEFAULT_CHECK_IN_POLICY } from './check-in-policy';
import { pollingDayOf } from './polling-day';
import { participationOpen } from './participation';
import type { Polls } from './polls';
import type { ScheduledElection } from './scheduled-election';
import { unlisted, type VoterPlacement } from './voter-placement';
import { evolveVoterCheckIn, noCheckIn, type IdentifiedCheckInEvent } from './voter-check-in';

// Fixtures for the domain's given/when/then tests: one election, three precincts, one voter.
export const ELECTION: ScheduledElection = {
  electionId: '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2030-11-24',
  timeZone: 'Asia/Bishkek',
  pollsOpenAt: '07:00',
  pollsCloseAt: '20:00',
};
export const DAY = pollingDayOf(ELECTION);
export const HOME = '1101-001';
export const OTHER = '1101-002';
export const THIRD = '1203-017';
export const VOTER = '21503199000017';
export const ANOTHER_VOTER = '10201198500042';
export const CHECK_IN_ID = '019aa000-0000-7000-8000-000000000001';
export const SECOND_CHECK_IN_ID = '019aa000-0000-7000-8000-000000000002';
export const THIRD_CHECK_IN_ID = '019aa000-0000-7000-8000-000000000003';

/** A wall-clock time on polling day in Bishkek, as a UTC instant: `bishkek('19:59:59.999')`. */
export function bishkek(time: string, date = ELECTION.electionDate): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: 'Asia/Bishkek' }).toUTC().toISO() as string;
}

export const openSince = (time: string): Polls => ({
  status: 'open',
  openedAt: bishkek(time),
  openedBy: 'chair-1101-001',
});

export const closedAt = (time: string, openedAt = '07:00'): Polls => ({
  status: 'closed',
  openedAt: bishkek(openedAt),
  openedBy: 'chair-1101-001',
  closedAt: bishkek(time),
  closedBy: 'chair-1101-001',
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
    pollWorker: 'pw-1101-001-a',
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

export const given = (...events: IdentifiedCheckInEvent[]) => events.reduce(evolveVoterCheckIn, noCheckIn);

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
      pollWorker: 'pw-1101-001-a',
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
    revokedBy: 'member-1101-001',
  },
});
