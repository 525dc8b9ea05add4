import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  checkpointKeyRing,
  importPublicKey,
  parseCheckpointJson,
  verifyExportedNdjson,
  type Checkpoint,
} from '@vl/tamper-evident-log';
import type { KeyObject } from 'node:crypto';

export interface VerifyOptions {
  readonly log?: string;
  readonly checkpoints?: string;
  readonly keys?: string;
}

/**
 * An auditor's offline check of one service's exported log: needs the NDJSON export, the checkpoints
 * and the public keys as files, and nothing else (no database, no broker, no running service).
 */
export async function verifyLogFiles({ log, checkpoints, keys }: VerifyOptions): Promise<number> {
  if (!log || !checkpoints || !keys) {
    process.stderr.write(
      'usage: ./vl verify --log LOG.ndjson --checkpoints CHECKPOINTS.json --keys PUBLIC-KEYS.json\n',
    );
    return 2;
  }
  const parsedCheckpoints = (JSON.parse(readFileSync(checkpoints, 'utf8')) as unknown[]).map(
    (value, index) => {
      const parsed = parseCheckpointJson(value);
      if (!parsed.ok) throw new Error(`${checkpoints}: checkpoint ${index}: ${String(parsed.error)}`);
      return parsed.value;
    },
  ) satisfies Checkpoint[];
  const keyDocument = JSON.parse(readFileSync(keys, 'utf8')) as { keys?: unknown[] } | unknown[];
  const publicKeys: KeyObject[] = (Array.isArray(keyDocument) ? keyDocument : (keyDocument.keys ?? [])).map(
    (value, index) => {
      const imported = importPublicKey(value);
      if (!imported.ok) throw new Error(`${keys}: key ${index}: ${String(imported.error)}`);
      return imported.value.publicKey;
    },
  );
  const lines = createInterface({ input: createReadStream(log, 'utf8'), crlfDelay: Infinity });
  const started = Date.now();
  const result = await verifyExportedNdjson({
    lines,
    checkpoints: parsedCheckpoints,
    publicKeys: checkpointKeyRing(publicKeys),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    process.stdout.write(
      `verified: ${result.treeSize} events, root ${result.rootHash}; ${result.checkpointsVerified} checkpoints, signed coverage up to ${result.checkpointedSize} events (${seconds} s)\n`,
    );
    return 0;
  }
  process.stdout.write(`NOT verified: first bad index ${result.firstBadIndex}: ${result.reason}\n`);
  return 1;
}
