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
        message: `the voter holds absentee certificate ${certificate.serial} to vote at ${certificate.votingPrecinctId}; the list of ${precinctId} is marked with it`,
      },
    };
  }
  if (listedHere) return { ok: true, value: null };
  const elsewhere = [
    ...placement.listedAt,
    ...placement.absenteeCertificates.map((transfer) => transfer.votingPrecinctId),
    ...placement.includedAt,
  ].filter((precinct) => !placement.absenteeCertificates.some((t) => t.homePrecinctId === precinct));
  return {
    ok: false,
    error: {
      code: 'not-on-list',
      message:
        elsewhere.length > 0
          ? `the voter is not on the list of ${precinctId}; they vote at ${[...new Set(elsewhere)].join(', ')}`
          : `the voter is on no list of this election, and was neither transferred to nor included at ${precinctId}`,
    },
  };
}
