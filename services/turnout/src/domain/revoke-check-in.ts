import type { Result } from '@vl/contracts';
import type { IdentifiedCheckInEvent, VoterCheckInRecord } from './voter-check-in';

/** A precinct commission member withdraws a voter's check-in, saying why; the voter may then check in again. */
export interface RevokeCheckIn {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly reason: string;
  readonly revokedBy: string;
}

export type RevokeRejection = { readonly code: 'not-checked-in'; readonly message: string };

export function revokeCheckIn(
  command: RevokeCheckIn,
  state: VoterCheckInRecord,
): Result<readonly IdentifiedCheckInEvent[], RevokeRejection> {
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
