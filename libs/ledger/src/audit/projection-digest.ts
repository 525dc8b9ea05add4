import { createHash } from 'node:crypto';
import { canonicalJson } from '@vl/tamper-evident-log';

export const PROJECTION_DIGESTS = Symbol('PROJECTION_DIGESTS');

/** A read model that can say, in one hash, what it holds: the live system and a replay compare these. */
export interface ProjectionDigest {
  readonly name: string;
  digest(): Promise<ReadModelDigest>;
}

export interface ReadModelDigest {
  readonly rows: number;
  readonly sha256: string;
}

/** SHA-256 over the canonical JSON of each row, one per line; the caller orders rows by their key. */
export function digestRows(rows: Iterable<unknown>): ReadModelDigest {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of rows) {
    hash.update(canonicalJson(row)).update('\n');
    count++;
  }
  return { rows: count, sha256: hash.digest('hex') };
}
