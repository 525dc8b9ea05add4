import type { Result } from '@vl/contracts';
import { participationClosed, participationOpen, type Participation } from './participation';
import type { IdentifiedCheckInEvent, VoterCheckInRecord } from './voter-check-in';

/** A precinct commission member withdraws a voter's check-in, saying why; the voter may then check in again. */
export interface RevokeCheckIn {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly reason: string;
  readonly revokedBy: string;
}

export type RevokeRejection = {
  readonly code: 'not-checked-in' | 'participation-finalized';
  readonly message: string;
};

/** The election's participation, and its time zone to say when it was finalized. */
export interface RevocationCircumstances {
  readonly participation: Participation;
  readonly timeZone: string;
}

export function revokeCheckIn(
  command: RevokeCheckIn,
  state: VoterCheckInRecord,
  circumstances: RevocationCircumstances = { participation: participationOpen, timeZone: 'UTC' },
): Result<readonly IdentifiedCheckInEvent[], RevokeRejection> {
  // after finalization a withdrawn check-in would change figures already published and absences derived
  const closed = participationClosed(circumstances.participation, circumstances.timeZone);
  if (closed) return { ok: false, error: closed };
  if (state.standing === null) {
    return {
      ok: false,
      error: { code: 'not-checked-in', message: 'the voter has no check-in in this election to revoke' },
    };
  }
  const { electionId, personalNumber, reason, revokedBy } = command;
  return {
    ok: true,
    value: [
      {
        type: 'CheckInRevoked',
        payload: { electionId, personalNumber, precinctId: state.standing.precinctId, reason, revokedBy },
      },
    ],
  };
}
