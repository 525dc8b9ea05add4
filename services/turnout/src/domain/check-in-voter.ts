import {
  OFFLINE_RECONCILIATION,
  type Actor,
  type CheckInMethod,
  type Decider,
  type DeviceStamp,
  type IdentificationMethod,
  type Result,
} from '@vl/contracts';
import type { CheckInPolicy } from './check-in-policy';
import { checkInMoment, type CheckInMoment } from './device-clock';
import { participationClosed, type Participation } from './participation';
import { pollsAccept } from './polls-acceptance';
import { wallClock, millisOf, type PollingDay } from './polling-day';
import type { Polls } from './polls';
import { mayVoteAt, type VoterPlacement } from './voter-placement';
import {
  evolveVoterCheckIn,
  noCheckIn,
  type IdentifiedCheckInEvent,
  type StandingCheckIn,
  type VoterCheckInRecord,
} from './voter-check-in';

/** A poll worker (or an offline poll book syncing) presents a voter at a precinct. */
export interface CheckInVoter {
  /** minted by the poll book (UUID v7); it becomes the event id, so a retry is recognised by the log */
  readonly checkInId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly method: CheckInMethod;
  readonly identification: IdentificationMethod;
  /** the poll worker whose token presented the voter (or synced the poll book) */
  readonly pollWorker: Actor;
  /** the server's clock when the request arrived */
  readonly receivedAt: string;
  readonly device: DeviceStamp | null;
}

/** What else the decision reads: the election's hours, the precinct's polls, the voter's place on the roll. */
export interface CheckInCircumstances {
  readonly pollingDay: PollingDay;
  readonly polls: Polls;
  readonly placement: VoterPlacement;
  readonly policy: CheckInPolicy;
  /** the election's participation: once finalized, no check-in is made any more */
  readonly participation: Participation;
  /** the checkInId already names an event of another voter's stream */
  readonly checkInIdTakenByAnotherVoter: boolean;
}

export type CheckInRejection = {
  readonly code:
    | 'check-in-id-reused'
    | 'participation-finalized'
    | 'polls-not-open'
    | 'polls-closed'
    | 'not-on-list'
    | 'transferred-away';
  readonly message: string;
};

export type CheckInDecision = Result<readonly IdentifiedCheckInEvent[], CheckInRejection>;

/**
 * One attempt, in the order of domain/README.md. An attempt already decided appends nothing: its first answer
 * stands in the voter's stream (see answerTo).
 */
export function checkInVoter(
  command: CheckInVoter,
  state: VoterCheckInRecord,
  circumstances: CheckInCircumstances,
): CheckInDecision {
  if (state.decided.has(command.checkInId)) return { ok: true, value: [] };
  if (circumstances.checkInIdTakenByAnotherVoter) {
    return reject(
      'check-in-id-reused',
      `checkInId ${command.checkInId} already names another voter's check-in`,
    );
  }
  const { pollingDay, polls, policy, placement } = circumstances;
  const closed = participationClosed(circumstances.participation, pollingDay.timeZone);
  if (closed) return { ok: false, error: closed };
  const moment = checkInMoment(command.device, command.receivedAt, pollingDay, policy);
  const pollsOpen = pollsAccept(polls, moment, command, pollingDay, policy);
  if (!pollsOpen.ok) return pollsOpen;
  const eligible = mayVoteAt(placement, command.precinctId);
  if (state.standing !== null) {
    // DOMAIN: one check-in per voter per election nationwide; the first by (trusted) time keeps it
    return eligible.ok && millisOf(moment.at) < millisOf(state.standing.checkedInAt)
      ? { ok: true, value: supersede(command, moment, state.standing, pollingDay) }
      : { ok: true, value: [duplicate(command, moment, state.standing)] };
  }
  if (!eligible.ok) return eligible;
  return { ok: true, value: [checkedIn(command, moment)] };
}

/** Checking a voter in, decided on the voter's check-in stream (see voter-check-in.ts). */
export const checkInVoterDecider: Decider<
  CheckInVoter,
  VoterCheckInRecord,
  IdentifiedCheckInEvent,
  CheckInRejection,
  CheckInCircumstances
> = { initialState: noCheckIn, evolve: evolveVoterCheckIn, decide: checkInVoter };

function reject(code: CheckInRejection['code'], message: string): Result<never, CheckInRejection> {
  return { ok: false, error: { code, message } };
}

function checkedIn(command: CheckInVoter, moment: CheckInMoment): IdentifiedCheckInEvent {
  const { checkInId, electionId, personalNumber, precinctId, method, identification, pollWorker, device } =
    command;
  return {
    type: 'VoterCheckedIn',
    eventId: checkInId,
    payload: {
      electionId,
      personalNumber,
      precinctId,
      method,
      identification,
      pollWorker,
      checkedInAt: moment.at,
      device,
    },
  };
}

/** A second attempt anywhere is refused and recorded as an integrity alert; the first check-in stands. */
function duplicate(
  command: CheckInVoter,
  moment: CheckInMoment,
  standing: StandingCheckIn,
): IdentifiedCheckInEvent {
  return {
    type: 'DuplicateCheckInRejected',
    eventId: command.checkInId,
    payload: {
      electionId: command.electionId,
      personalNumber: command.personalNumber,
      attemptedPrecinctId: command.precinctId,
      attemptedAt: moment.at,
      firstPrecinctId: standing.precinctId,
      firstCheckedInAt: standing.checkedInAt,
    },
  };
}

/**
 * An offline poll book syncs a check-in made earlier than the one on record: the earlier one keeps the
 * voter, the later one is withdrawn by turnout and becomes the integrity alert, all in one append.
 */
function supersede(
  command: CheckInVoter,
  moment: CheckInMoment,
  standing: StandingCheckIn,
  day: PollingDay,
): readonly IdentifiedCheckInEvent[] {
  const { electionId, personalNumber, precinctId } = command;
  const by = command.device
    ? `poll book ${command.device.deviceId} at ${precinctId}`
    : `a poll worker at ${precinctId}`;
  return [
    {
      type: 'CheckInRevoked',
      payload: {
        electionId,
        personalNumber,
        precinctId: standing.precinctId,
        reason: `superseded: ${by} identified the voter earlier, at ${wallClock(moment.at, day.timeZone)}`,
        revokedBy: { ...OFFLINE_RECONCILIATION },
      },
    },
    checkedIn(command, moment),
    {
      type: 'DuplicateCheckInRejected',
      payload: {
        electionId,
        personalNumber,
        attemptedPrecinctId: standing.precinctId,
        attemptedAt: standing.checkedInAt,
        firstPrecinctId: precinctId,
        firstCheckedInAt: moment.at,
      },
    },
  ];
}
