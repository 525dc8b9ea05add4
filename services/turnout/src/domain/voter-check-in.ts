import type { CheckInRevoked, DuplicateCheckInRejected, VoterCheckedIn } from '@vl/contracts';

export type VoterCheckInEvent = VoterCheckedIn | CheckInRevoked | DuplicateCheckInRejected;

/**
 * An event of a voter's check-in stream with its event id. The id of a VoterCheckedIn or of the
 * DuplicateCheckInRejected that answered an attempt is the poll book's checkInId: the log itself then
 * knows every attempt it has already decided, and a retried attempt appends nothing.
 */
export type IdentifiedCheckInEvent = VoterCheckInEvent & { readonly eventId?: string };

/** One voter's check-in stream per election: one check-in per voter per election nationwide is its version. */
export const checkInStreamId = (electionId: string, personalNumber: string) =>
  `check-in-${electionId}-${personalNumber}`;

/** What a decided attempt answered, so that a retry of it gets the same answer. */
export type DecidedAttempt =
  | {
      readonly kind: 'accepted';
      readonly checkInId: string;
      readonly precinctId: string;
      readonly checkedInAt: string;
      readonly clock: 'device' | 'server';
    }
  | {
      readonly kind: 'duplicate';
      readonly checkInId: string;
      readonly attemptedPrecinctId: string;
      readonly attemptedAt: string;
      readonly firstPrecinctId: string;
      readonly firstCheckedInAt: string;
    };

export interface StandingCheckIn {
  readonly precinctId: string;
  readonly checkedInAt: string;
}

export interface VoterCheckInRecord {
  /** the check-in that counts, or null (never checked in, or revoked) */
  readonly standing: StandingCheckIn | null;
  /** every attempt answered with an event, by checkInId */
  readonly decided: ReadonlyMap<string, DecidedAttempt>;
}

export const noCheckIn: VoterCheckInRecord = { standing: null, decided: new Map() };

/** The answer an attempt got, read from the voter's record once its events are folded in; a retry gets it again. */
export const answerTo = (record: VoterCheckInRecord, checkInId: string): DecidedAttempt | undefined =>
  record.decided.get(checkInId);

export function evolveVoterCheckIn(
  state: VoterCheckInRecord,
  event: IdentifiedCheckInEvent,
): VoterCheckInRecord {
  const remember = (attempt: DecidedAttempt) => new Map(state.decided).set(attempt.checkInId, attempt);
  switch (event.type) {
    case 'VoterCheckedIn': {
      const { precinctId, checkedInAt, device } = event.payload;
      const clock = device !== null && device.deviceTime === checkedInAt ? 'device' : 'server';
      return {
        standing: { precinctId, checkedInAt },
        decided:
          event.eventId === undefined
            ? state.decided
            : remember({ kind: 'accepted', checkInId: event.eventId, precinctId, checkedInAt, clock }),
      };
    }
    case 'CheckInRevoked':
      return { standing: null, decided: state.decided };
    case 'DuplicateCheckInRejected':
      return event.eventId === undefined
        ? state
        : {
            standing: state.standing,
            decided: remember({ kind: 'duplicate', checkInId: event.eventId, ...attemptOf(event) }),
          };
    default:
      return exhaustive(event, state);
  }
}

function attemptOf({ payload }: DuplicateCheckInRejected) {
  const { attemptedPrecinctId, attemptedAt, firstPrecinctId, firstCheckedInAt } = payload;
  return { attemptedPrecinctId, attemptedAt, firstPrecinctId, firstCheckedInAt };
}

function exhaustive(_: never, state: VoterCheckInRecord): VoterCheckInRecord {
  return state;
}
