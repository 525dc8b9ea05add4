import { checkInStreamId } from '../domain/voter-check-in';

/**
 * The stream ids that start with a prefix as one range of the log's (stream_id, stream_version) index: from the
 * prefix to the prefix with its last character's successor. Stream ids are ASCII and the log's collation orders
 * them byte-wise (C.UTF-8), so the range holds exactly the prefixed ids and the index scans nothing else.
 */
export function streamIdRange(prefix: string): { readonly from: string; readonly below: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, below: `${prefix.slice(0, -1)}${String.fromCharCode(last + 1)}` };
}

/** Every voter's check-in stream of an election starts with this. */
export const checkInStreamPrefix = (electionId: string) => checkInStreamId(electionId, '');
