import { parseExportLine, type ExportedLogEntry } from './exported-log-entry';
import { LogVerifier, type LogVerification, type LogVerifierOptions } from './log-verifier';

export interface ExportedLogInput extends LogVerifierOptions {
  /** The exported entries in log order; a stream (AsyncIterable) is never held in memory as a whole. */
  readonly entries: Iterable<ExportedLogEntry> | AsyncIterable<ExportedLogEntry>;
}

export interface ExportedNdjsonInput extends LogVerifierOptions {
  /** Lines of an export file in order (e.g. from readline); empty lines are skipped. */
  readonly lines: Iterable<string> | AsyncIterable<string>;
}

/**
 * Offline verification of an exported log against signed checkpoints and trusted public keys: no database,
 * no broker. Recomputes canonical bytes, leaf hashes and the Merkle tree; see LogVerification for the verdict.
 */
export async function verifyExportedLog(input: ExportedLogInput): Promise<LogVerification> {
  const { entries } = input;
  // a sync source stays on the sync path: a microtask per entry would cost more than hashing it
  if (isIterable(entries)) return verifyExportedLogSync({ ...input, entries });
  const verifier = new LogVerifier(input);
  for await (const entry of entries) {
    const failure = verifier.accept(entry);
    if (failure !== undefined) return failure;
  }
  return verifier.finish();
}

export function verifyExportedLogSync(
  input: ExportedLogInput & { readonly entries: Iterable<ExportedLogEntry> },
): LogVerification {
  const verifier = new LogVerifier(input);
  for (const entry of input.entries) {
    const failure = verifier.accept(entry);
    if (failure !== undefined) return failure;
  }
  return verifier.finish();
}

/** As verifyExportedLog, reading NDJSON export lines; an unreadable line is a malformed entry at its index. */
export async function verifyExportedNdjson(input: ExportedNdjsonInput): Promise<LogVerification> {
  const verifier = new LogVerifier(input);
  let lineNumber = 0;
  for await (const line of input.lines) {
    lineNumber += 1;
    if (line === '') continue;
    const parsed = parseExportLine(line, lineNumber);
    const failure = parsed.ok ? verifier.accept(parsed.value) : verifier.rejectMalformed(parsed.error);
    if (failure !== undefined) return failure;
  }
  return verifier.finish();
}

function isIterable<T>(source: Iterable<T> | AsyncIterable<T>): source is Iterable<T> {
  return typeof (source as Partial<Iterable<T>>)[Symbol.iterator] === 'function';
}
