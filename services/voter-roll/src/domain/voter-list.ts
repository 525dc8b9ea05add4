import type { VoterListed, VoterListFinalized } from '@vl/contracts';
import { eventLeafHash, MerkleTreeBuilder, toBase64 } from '@vl/tamper-evident-log';

/** One line of a precinct's voter list for an election: exactly what a VoterListed event carries. */
export interface VoterListEntry {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
}

/** The list's Merkle leaf: the RFC 6962 leaf hash of the RFC 8785 JSON of the entry's three fields. */
export function voterListLeaf(entry: VoterListEntry): Uint8Array {
  const { electionId, personalNumber, precinctId } = entry;
  return eventLeafHash({ electionId, personalNumber, precinctId });
}

/**
 * Folds a precinct's list, entry by entry in ascending personal-number order, into its RFC 6962 root in
 * O(log n) memory, so a list of any size is never held whole. Anyone can redo it from the VoterListed events.
 */
export class VoterListRoot {
  private readonly tree = new MerkleTreeBuilder();
  private lastPersonalNumber: string | null = null;

  constructor(
    readonly electionId: string,
    readonly precinctId: string,
  ) {}

  get voterCount(): number {
    return this.tree.size;
  }

  add(entry: VoterListEntry): void {
    if (entry.electionId !== this.electionId || entry.precinctId !== this.precinctId) {
      throw new RangeError(
        `an entry of ${entry.precinctId} does not belong to the list of ${this.precinctId}`,
      );
    }
    // the root is defined over the list sorted by personal number: out of order means a different root
    if (this.lastPersonalNumber !== null && entry.personalNumber <= this.lastPersonalNumber) {
      throw new RangeError('voter list entries must come in strictly ascending personal-number order');
    }
    this.tree.append(voterListLeaf(entry));
    this.lastPersonalNumber = entry.personalNumber;
  }

  /** base64 of the root; the empty list has the RFC 6962 empty-tree hash. */
  root(): string {
    return toBase64(this.tree.root());
  }
}

export function voterListedEvents(entries: readonly VoterListEntry[]): VoterListed[] {
  return entries.map(({ electionId, personalNumber, precinctId }) => ({
    type: 'VoterListed',
    payload: { electionId, personalNumber, precinctId },
  }));
}

export function voterListFinalized(list: VoterListRoot): VoterListFinalized {
  return {
    type: 'VoterListFinalized',
    payload: {
      electionId: list.electionId,
      precinctId: list.precinctId,
      voterCount: list.voterCount,
      merkleRoot: list.root(),
    },
  };
}
