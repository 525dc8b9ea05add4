/*
 * Offline verification throughput of @vl/tamper-evident-log, one core:
 *   ./vl node -r @swc-node/register test/benchmarks/verification.bench.ts [--events N] [--runs R]
 * Generates N envelope-shaped events, exports them with leaf hashes, signs a checkpoint every 1,000 events,
 * then times verifyExportedLogSync (canonicalization + leaf hashing + Merkle tree + checkpoint signatures)
 * against the raw ceiling of SHA-256 alone over the same canonical bytes, measured in the same process.
 */
import canonicalize from 'canonicalize';
import { hash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  canonicalJson,
  checkpointKeyRing,
  exportedLogEntry,
  exportLine,
  generateCheckpointSigningKey,
  MerkleTreeBuilder,
  signCheckpoint,
  toBase64,
  verifyExportedLogSync,
  verifyExportedNdjson,
  type Checkpoint,
  type ExportedLogEntry,
} from '@vl/tamper-evident-log';
import { fmt } from './support/format';
import { median } from './support/statistics';

const ORIGIN = 'voting-ledger/turnout';
const CHECKPOINT_CADENCE = 1_000;
const TARGET_EVENTS_PER_SECOND = 200_000;

const { values } = parseArgs({
  options: { events: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' } },
});
const eventCount = Number(values.events);
const runs = Number(values.runs);
if (!Number.isSafeInteger(eventCount) || eventCount < 1 || !Number.isSafeInteger(runs) || runs < 1) {
  throw new Error(
    `--events and --runs must be positive integers; got --events ${values.events} --runs ${values.runs}`,
  );
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

// Shaped like @vl/contracts' EventEnvelope; turnout events of a polling day, no ballot content
function envelope(i: number): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 10, 29, 2, 0, 0) + Math.floor(i * 234)).toISOString();
  const precinctId = `KG-PR-${String(i % 2_500).padStart(4, '0')}`;
  const voterId = `9${String((i * 7_919) % 4_000_000).padStart(13, '0')}`;
  const eventId = `0193${hex(i >>> 16, 4)}-${hex(i & 0xffff, 4)}-7${hex(i % 4096, 3)}-8${hex(i % 4096, 3)}-${hex(i, 12)}`;
  const kind = i % 40;
  const type =
    kind === 0
      ? 'CheckInRevoked'
      : kind === 1
        ? 'DuplicateCheckInRejected'
        : kind === 2
          ? 'VoterAbsent'
          : 'VoterCheckedIn';
  const payload =
    type === 'VoterAbsent'
      ? { electionId: 'KG-2026-PARLIAMENT', voterId, precinctId, recordedBy: 'turnout-finalizer' }
      : {
          electionId: 'KG-2026-PARLIAMENT',
          precinctId,
          voterId,
          checkInId: `ci-${hex(i, 10)}`,
          pollWorkerId: `pw-${i % 9_000}`,
          deviceId: `tablet-${i % 5_000}`,
          method: i % 11 === 0 ? 'absentee-certificate' : 'passport',
          attempts: (i % 3) + 1,
          ...(type === 'CheckInRevoked'
            ? { reason: 'entered-wrong-voter', revokedCheckInId: `ci-${hex(i - 1, 10)}` }
            : {}),
        };
  return {
    eventId,
    type,
    schemaVersion: 1,
    streamId: `turnout-KG-2026-PARLIAMENT-${precinctId}`,
    streamVersion: Math.floor(i / 2_500) + 1,
    occurredAt: at,
    recordedAt: at,
    producer: 'turnout',
    correlationId: `5f0c8d1e-3b2a-4c6d-9e8f-${hex(i, 12)}`,
    causationId: i % 3 === 0 ? null : `7a1b2c3d-4e5f-4a6b-8c7d-${hex(i, 12)}`,
    partitionKey: voterId,
    payload,
  };
}

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1_000;
}

function rate(count: number, elapsed: number): string {
  return `${fmt(count / elapsed)} events/s`;
}

function report(label: string, samples: readonly number[]): number {
  const perRun = samples.map((s) => fmt(eventCount / s)).join(', ');
  const best = eventCount / median(samples);
  console.log(
    `${label.padEnd(46)} median ${rate(eventCount, median(samples)).padStart(20)}   runs: ${perRun}`,
  );
  return best;
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${fmt(eventCount)} events, ${runs} run(s), checkpoint every ${CHECKPOINT_CADENCE}`,
  );

  const setupStart = performance.now();
  const key = generateCheckpointSigningKey();
  const tree = new MerkleTreeBuilder();
  const entries: ExportedLogEntry[] = [];
  const checkpoints: Checkpoint[] = [];
  for (let i = 0; i < eventCount; i++) {
    const entry = exportedLogEntry(i, envelope(i));
    entries.push(entry);
    tree.append(Buffer.from(entry.leafHash, 'hex'));
    if (tree.size % CHECKPOINT_CADENCE === 0 || tree.size === eventCount) {
      checkpoints.push(
        signCheckpoint(
          { origin: ORIGIN, treeSize: tree.size, rootHash: toBase64(tree.root()) },
          key.privateKey,
        ),
      );
    }
    if ((i + 1) % 50_000 === 0) process.stdout.write(`  exporting: ${i + 1} / ${eventCount}\r`);
  }
  const canonicalTexts = entries.map((entry) => canonicalJson(entry.event));
  const canonicalBuffers = canonicalTexts.map((text) => Buffer.from(text, 'utf8'));
  const averageBytes = canonicalBuffers.reduce((sum, bytes) => sum + bytes.length, 0) / eventCount;
  const lines = entries.map(exportLine);
  console.log(
    `setup (export, leaf hashes, ${checkpoints.length} signed checkpoints): ${((performance.now() - setupStart) / 1_000).toFixed(1)} s; ` +
      `canonical event ${Math.round(averageBytes)} bytes on average`,
  );
  const publicKeys = checkpointKeyRing([key.publicKey]);

  const verify: number[] = [];
  const ceiling: number[] = [];
  const canonicalFast: number[] = [];
  const canonicalReference: number[] = [];
  const leafHashing: number[] = [];
  const merkleAppends: number[] = [];
  const verifyParsed: number[] = [];
  // what an auditor holds after reading export lines: events already in canonical key order
  const parsedEntries = lines.map((line) => JSON.parse(line) as ExportedLogEntry);
  const leafHashes = entries.map((entry) => Buffer.from(entry.leafHash, 'hex'));
  // one unmeasured pass so every run below sees optimised code, not the JIT warming up
  verifyExportedLogSync({ entries, checkpoints, publicKeys, origin: ORIGIN });
  for (let run = 1; run <= runs; run++) {
    let verdict: ReturnType<typeof verifyExportedLogSync> | undefined;
    verify.push(
      seconds(() => (verdict = verifyExportedLogSync({ entries, checkpoints, publicKeys, origin: ORIGIN }))),
    );
    if (!verdict?.ok || verdict.treeSize !== eventCount)
      throw new Error(`verification failed: ${JSON.stringify(verdict)}`);
    ceiling.push(seconds(() => canonicalBuffers.forEach((bytes) => hash('sha256', bytes, 'buffer'))));
    canonicalFast.push(seconds(() => entries.forEach((entry) => canonicalJson(entry.event))));
    canonicalReference.push(seconds(() => entries.forEach((entry) => canonicalize(entry.event))));
    leafHashing.push(
      seconds(() => canonicalTexts.forEach((text) => hash('sha256', '\u0000' + text, 'buffer'))),
    );
    merkleAppends.push(
      seconds(() => {
        const builder = new MerkleTreeBuilder();
        leafHashes.forEach((leaf) => builder.append(leaf));
      }),
    );
    verifyParsed.push(
      seconds(() =>
        verifyExportedLogSync({ entries: parsedEntries, checkpoints, publicKeys, origin: ORIGIN }),
      ),
    );
    console.log(
      `  run ${run}/${runs}: verify ${rate(eventCount, verify[run - 1] as number)}, SHA-256 alone ${rate(eventCount, ceiling[run - 1] as number)}`,
    );
  }
  let fromNdjson = 0;
  const ndjsonVerdict = await (async () => {
    const start = performance.now();
    const verdict = await verifyExportedNdjson({ lines, checkpoints, publicKeys, origin: ORIGIN });
    fromNdjson = (performance.now() - start) / 1_000;
    return verdict;
  })();
  if (!ndjsonVerdict.ok) throw new Error(`NDJSON verification failed: ${ndjsonVerdict.reason}`);

  console.log('');
  const ours = report('offline verification (verifyExportedLogSync)', verify);
  const raw = report('ceiling: SHA-256 of the canonical bytes only', ceiling);
  report('  part: canonicalJson (fast path)', canonicalFast);
  report('  part: leaf hash SHA-256(0x00 || text)', leafHashing);
  report('  part: Merkle appends (node hashes)', merkleAppends);
  report('  for comparison: canonicalize library alone', canonicalReference);
  report('verification, events parsed from export lines', verifyParsed);
  console.log(
    `${'from NDJSON lines (JSON.parse + schema), 1 run'.padEnd(46)} ${rate(eventCount, fromNdjson).padStart(27)}`,
  );
  console.log('');
  console.log(`ratio to the SHA-256 ceiling: ${(ours / raw).toFixed(2)}`);
  console.log(
    `target ${fmt(TARGET_EVENTS_PER_SECOND)} events/s: ${ours >= TARGET_EVENTS_PER_SECOND ? 'met' : 'NOT met'} ` +
      `(median ${fmt(ours)} events/s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
