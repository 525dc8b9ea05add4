import type { Result } from '@vl/contracts';

/** Where the finalized lists and their later changes put one voter in one election (voter-roll's events). */
export interface VoterPlacement {
  /** precincts whose finalized list holds the voter (VoterListed); normally exactly one */
  readonly listedAt: readonly string[];
  /** absentee certificates: the voter votes at votingPrecinctId, the home list is marked with the serial */
  readonly absenteeCertificates: readonly AbsenteeTransfer[];
  /** precincts whose list the voter was added to on polling day on an address reference */
  readonly includedAt: readonly string[];
}

export interface AbsenteeTransfer {
  readonly serial: string;
  readonly homePrecinctId: string;
  readonly votingPrecinctId: string;
}

export const unlisted: VoterPlacement = { listedAt: [], absenteeCertificates: [], includedAt: [] };

export type PlacementRejection = {
  readonly code: 'not-on-list' | 'transferred-away';
  readonly message: string;
};

/**
 * DOMAIN: voters vote where the finalized list puts them; afterwards only an absentee certificate (the voter
 * votes at the certificate's precinct, not at home) or a polling-day inclusion changes that.
 */
export function mayVoteAt(placement: VoterPlacement, precinctId: string): Result<null, PlacementRejection> {
  if (placement.includedAt.includes(precinctId)) return { ok: true, value: null };
  if (placement.absenteeCertificates.some((transfer) => transfer.votingPrecinctId === precinctId))
    return { ok: true, value: null };
  const listedHere = placement.listedAt.includes(precinctId);
  const [certificate] = placement.absenteeCertificates;
  if (listedHere && certificate !== undefined) {
    return {
      ok: false,
      error: {
        code: 'transferred-away',
        message: `the voter holds absentee certificate ${certificate.serial} to vote at the precinct it names; the list of ${precinctId} is marked with it`,
      },
    };
  }
  if (listedHere) return { ok: true, value: null };
  const placed =
    placement.listedAt.length + placement.absenteeCertificates.length + placement.includedAt.length > 0;
  // a poll worker learns that the voter is not on this list, not where they vote (docs/ballot-secrecy.md)
  return {
    ok: false,
    error: {
      code: 'not-on-list',
      message: placed
        ? `the voter is not on the list of ${precinctId}; their own precinct's commission tells them where they vote`
        : `the voter is on no list of this election, and was neither transferred to nor included at ${precinctId}`,
    },
  };
}
