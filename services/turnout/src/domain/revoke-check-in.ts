import type { Actor, Decider, Result } from '@vl/contracts';
import { participationClosed, type Participation } from './participation';
import {
  evolveVoterCheckIn,
  noCheckIn,
  type IdentifiedCheckInEvent,
  type VoterCheckInRecord,
} from './voter-check-in';

/** A precinct commission member withdraws a voter's check-in, saying why; the voter may then check in again. */
export interface RevokeCheckIn {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly reason: string;
  readonly revokedBy: Actor;
}

export type RevokeRejection = {
  readonly code: 'not-checked-in' | 'not-checked-in-here' | 'participation-finalized';
  readonly message: string;
};

/** The check-ins a commission member may withdraw: those of the precincts their token serves, or any (national). */
export type RevokerReach =
  | { readonly everywhere: true }
  | { readonly serves: (precinctId: string) => boolean; readonly described: string };

/** The election's participation, its time zone to say when it was finalized, and the member's reach. */
export interface RevocationCircumstances {
  readonly participation: Participation;
  readonly timeZone: string;
  readonly reach: RevokerReach;
}

export function revokeCheckIn(
  command: RevokeCheckIn,
  state: VoterCheckInRecord,
  circumstances: RevocationCircumstances,
): Result<readonly IdentifiedCheckInEvent[], RevokeRejection> {
  // after finalization a withdrawn check-in would change figures already published and absences derived
  const closed = participationClosed(circumstances.participation, circumstances.timeZone);
  if (closed) return { ok: false, error: closed };
  const { reach } = circumstances;
  // DOMAIN "Coercion": another precinct's commission must not learn whether, where or when the voter took part,
  // so "not checked in" and "checked in elsewhere" are one answer
  if (!('everywhere' in reach) && (state.standing === null || !reach.serves(state.standing.precinctId))) {
    return {
      ok: false,
      error: {
        code: 'not-checked-in-here',
        message: `no check-in of this voter stands at ${reach.described}; a precinct commission withdraws only its own precinct's check-ins`,
      },
    };
  }
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

/** Withdrawing a check-in, decided on the voter's check-in stream (see voter-check-in.ts). */
export const revokeCheckInDecider: Decider<
  RevokeCheckIn,
  VoterCheckInRecord,
  IdentifiedCheckInEvent,
  RevokeRejection,
  RevocationCircumstances
> = { initialState: noCheckIn, evolve: evolveVoterCheckIn, decide: revokeCheckIn };
