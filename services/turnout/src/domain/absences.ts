import { createHash } from 'node:crypto';
import type { VoterAbsent } from '@vl/contracts';

// one stream per election appended in personal-number order: its version is the progress (one index probe), each
// page is one version check and index inserts at the right edge, and a second deriver conflicts instead of racing
export const absencesStreamId = (electionId: string) => `absences-${electionId}`;

export type IdentifiedVoterAbsent = VoterAbsent & { readonly eventId: string };

export interface FinalizedElection {
  readonly electionId: string;
  readonly electionDate: string;
  /** ParticipationFinalized's time: the absences' ids carry it, as UUID v7 ids carry their creation time */
  readonly finalizedAt: string;
}

const VOTER_BITS = 47n; // 14 decimal digits < 2^47

/**
 * The one absence of a voter in an election, as a UUID v7 that is the same whenever it is derived: the time
 * field is the finalization, the random fields are the election's hash and the personal number. Derived in
 * personal-number order, the ids ascend, so millions of them append at the end of the event-id index.
 */
export function voterAbsentId(election: FinalizedElection, personalNumber: string): string {
  const millis = Date.parse(election.finalizedAt);
  if (!Number.isSafeInteger(millis) || millis < 0) throw new Error(`not an instant: ${election.finalizedAt}`);
  if (!/^\d{14}$/.test(personalNumber)) throw new Error(`not a personal number: ${personalNumber}`);
  const hash = createHash('sha256').update(election.electionId).digest();
  const electionHigh = hash.readUInt16BE(0) & 0x0fff;
  const electionLow = BigInt(hash.readUInt16BE(2) & 0x7fff);
  const tail = (0b10n << 62n) | (electionLow << VOTER_BITS) | BigInt(personalNumber);
  const hex =
    millis.toString(16).padStart(12, '0') +
    (0x7000 | electionHigh).toString(16) +
    tail.toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * DOMAIN "Participation": a registered voter without a standing check-in when participation was finalized did not
 * take part; the absence names the list that held them at the close (the excuse process starts from it).
 */
export function absencesOf(
  election: FinalizedElection,
  voters: readonly { readonly personalNumber: string; readonly precinctId: string }[],
): IdentifiedVoterAbsent[] {
  const { electionId, electionDate } = election;
  return voters.map(({ personalNumber, precinctId }) => ({
    type: 'VoterAbsent',
    eventId: voterAbsentId(election, personalNumber),
    payload: { electionId, personalNumber, electionDate, precinctId },
  }));
}
