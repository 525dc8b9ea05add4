import { z } from 'zod';
import { canonicalJson } from './canonical-bytes';
import { toHex } from './hash-encoding';
import { err, ok, type Result } from './result';
import { leafHashOfCanonicalJson } from './rfc6962-hashing';

const LEAF_HASH_HEX = /^[0-9a-f]{64}$/;

/** One line of an exported log: the event with where the log put it and the leaf hash the log recorded. */
export interface ExportedLogEntry {
  /** 0-based index in the log: the leaf index in the Merkle tree. */
  readonly position: number;
  /** SHA-256(0x00 || canonical bytes of event) as recorded at append time, 64 lowercase hex characters. */
  readonly leafHash: string;
  /** The event envelope, as the log stored it. */
  readonly event: unknown;
}

/** SHA-256(0x00 || RFC 8785 bytes of the event): the event's leaf in its log's Merkle tree. */
export function eventLeafHash(event: unknown): Uint8Array {
  return leafHashOfCanonicalJson(canonicalJson(event));
}

/** The export entry for an event at a log position, with its leaf hash computed now. */
export function exportedLogEntry(position: number, event: unknown): ExportedLogEntry {
  return { position, leafHash: toHex(eventLeafHash(event)), event };
}

/**
 * One NDJSON line (no newline): `{"position":N,"leafHash":"<hex>","event":<RFC 8785 JSON>}`. Written in a
 * fixed order with the event canonical, so two exports of the same log are byte-identical.
 */
export function exportLine(entry: ExportedLogEntry): string {
  if (!Number.isSafeInteger(entry.position) || entry.position < 0) {
    throw new RangeError(`position must be a non-negative integer; got ${entry.position}`);
  }
  if (!LEAF_HASH_HEX.test(entry.leafHash)) {
    throw new RangeError(`leafHash must be 64 lowercase hex characters; got "${entry.leafHash}"`);
  }
  return `{"position":${entry.position},"leafHash":"${entry.leafHash}","event":${canonicalJson(entry.event)}}`;
}

const exportedLogEntrySchema = z.strictObject({
  position: z.int().min(0, 'expected the 0-based log index, a non-negative integer'),
  leafHash: z.string().regex(LEAF_HASH_HEX, 'expected the SHA-256 leaf hash as 64 lowercase hex characters'),
  event: z.custom<object>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected the event envelope, a JSON object',
  ),
});

/** Parses one export line; errors name the 1-based line number and the field, so an auditor can find it. */
export function parseExportLine(line: string, lineNumber: number): Result<ExportedLogEntry> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return err(`line ${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = exportedLogEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(line)';
    return err(`line ${lineNumber}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return ok(parsed.data);
}
