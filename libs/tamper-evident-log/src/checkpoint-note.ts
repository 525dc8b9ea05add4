import { checkpointBodyText, checkpointProblem, type Checkpoint } from './checkpoint';
import { err, ok, type Result } from './result';

// U+2014 EM DASH and a space open a signature line in the signed-note convention of transparency logs
const SIGNATURE_LINE_PREFIX = '\u2014 ';

/**
 * The checkpoint as a signed note: the signed body, an empty line, then one signature line.
 *
 *     voting-ledger/turnout
 *     1000
 *     <root hash, base64>
 *
 *     — <keyId> <signature, base64>
 */
export function checkpointToNote(checkpoint: Checkpoint): string {
  return `${checkpointBodyText(checkpoint)}\n${SIGNATURE_LINE_PREFIX}${checkpoint.keyId} ${checkpoint.signature}\n`;
}

/** Parses a note written by checkpointToNote; it does not verify the signature (verifyCheckpoint does). */
export function parseCheckpointNote(text: string): Result<Checkpoint> {
  if (!text.endsWith('\n')) return err('checkpoint note must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 5) {
    return err(
      `checkpoint note must have 5 lines (origin, tree size, root hash, empty line, signature line); got ${lines.length}`,
    );
  }
  const [origin, size, rootHash, separator, signatureLine] = lines as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^(0|[1-9][0-9]*)$/.test(size)) {
    return err(
      `checkpoint note line 2: tree size must be a decimal integer without leading zeros; got "${size}"`,
    );
  }
  if (separator !== '')
    return err('checkpoint note line 4: expected an empty line between body and signature');
  if (!signatureLine.startsWith(SIGNATURE_LINE_PREFIX)) {
    return err('checkpoint note line 5: a signature line starts with "— " (U+2014 and a space)');
  }
  const signatureFields = signatureLine.slice(SIGNATURE_LINE_PREFIX.length).split(' ');
  if (signatureFields.length !== 2) {
    return err('checkpoint note line 5: expected "— <keyId> <signature base64>"');
  }
  const [keyId, signature] = signatureFields as [string, string];
  const checkpoint: Checkpoint = { origin, treeSize: Number(size), rootHash, keyId, signature };
  const problem = checkpointProblem(checkpoint);
  return problem === undefined ? ok(checkpoint) : err(`checkpoint note: ${problem}`);
}
