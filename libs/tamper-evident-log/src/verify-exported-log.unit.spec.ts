import { signCheckpoint, type Checkpoint } from './checkpoint';
import { generateCheckpointSigningKey } from './checkpoint-keys';
import { exportedLogEntry, exportLine, type ExportedLogEntry } from './exported-log-entry';
import { toBase64 } from './hash-encoding';
import { emptyTreeHash } from './rfc6962-hashing';
import { sampleEnvelope, signedSampleLog } from './sample-log.fixture';
import { verifyExportedLog, verifyExportedLogSync, verifyExportedNdjson } from './verify-exported-log';

// 100 events, a checkpoint every 10: sizes 10, 20, ..., 100
const log = signedSampleLog(100, 10);
const trust = { checkpoints: log.checkpoints, publicKeys: log.publicKeys };

function verify(entries: readonly ExportedLogEntry[], checkpoints: readonly Checkpoint[] = log.checkpoints) {
  return verifyExportedLogSync({ entries, checkpoints, publicKeys: log.publicKeys });
}

// the attacker who also rewrites positions and recorded leaf hashes so every line is locally consistent
function rewrittenConsistently(events: readonly unknown[]): ExportedLogEntry[] {
  return events.map((event, position) => exportedLogEntry(position, event));
}

const events = log.entries.map((entry) => entry.event);
const altered = { ...(events[37] as object), partitionKey: 'voter-1' };
const forged = { ...sampleEnvelope(37), eventId: '01937a3c-0000-7000-8000-ffffffffffff' };

describe('verifyExportedLog', () => {
  it('given the untouched export, when verified, then it is authentic up to the last checkpoint', async () => {
    const expected = {
      ok: true,
      treeSize: 100,
      rootHash: log.checkpoints[9]?.rootHash,
      checkpointedSize: 100,
      checkpointsVerified: 10,
    };
    expect(verify(log.entries)).toEqual(expected);
    async function* stream(): AsyncGenerator<ExportedLogEntry> {
      yield* log.entries;
    }
    expect(await verifyExportedLog({ ...trust, entries: stream() })).toEqual(expected);
    expect(await verifyExportedNdjson({ ...trust, lines: [...log.entries.map(exportLine), ''] })).toEqual(
      expected,
    );
  });

  it('given entries beyond the last checkpoint, when verified, then they pass but are reported as not yet checkpointed', () => {
    const longer = [
      ...log.entries,
      ...[100, 101, 102].map((position) => exportedLogEntry(position, sampleEnvelope(position))),
    ];
    expect(verify(longer)).toMatchObject({ ok: true, treeSize: 103, checkpointedSize: 100 });
  });

  it('given no entries and no checkpoints, when verified, then the empty tree is reported', () => {
    expect(verify([], [])).toEqual({
      ok: true,
      treeSize: 0,
      rootHash: toBase64(emptyTreeHash()),
      checkpointedSize: 0,
      checkpointsVerified: 0,
    });
  });

  describe('given a naive attacker who edits lines but not positions or leaf hashes', () => {
    it('when an event field is altered, then the entry itself is blamed for a leaf-hash mismatch', () => {
      const entries = log.entries.map((entry, i) => (i === 37 ? { ...entry, event: altered } : entry));
      expect(verify(entries)).toMatchObject({ ok: false, firstBadIndex: 37, evidence: 'leaf-hash-mismatch' });
    });

    it('when an entry is deleted, then the next one is out of sequence at the deleted index', () => {
      const entries = log.entries.filter((_, i) => i !== 37);
      expect(verify(entries)).toMatchObject({
        ok: false,
        firstBadIndex: 37,
        evidence: 'position-out-of-sequence',
      });
    });

    it('when two entries are swapped, then the first of them is out of sequence', () => {
      const entries = [...log.entries];
      [entries[37], entries[52]] = [entries[52] as ExportedLogEntry, entries[37] as ExportedLogEntry];
      expect(verify(entries)).toMatchObject({
        ok: false,
        firstBadIndex: 37,
        evidence: 'position-out-of-sequence',
      });
    });

    it('when a self-consistent forged line is inserted, then the displaced original, one later, is out of sequence', () => {
      const entries = [...log.entries.slice(0, 37), exportedLogEntry(37, forged), ...log.entries.slice(37)];
      expect(verify(entries)).toMatchObject({
        ok: false,
        firstBadIndex: 38,
        evidence: 'position-out-of-sequence',
      });
    });
  });

  describe('given an attacker who rewrites positions and leaf hashes consistently', () => {
    const rootMismatchAfter30 = { ok: false, firstBadIndex: 30, evidence: 'root-mismatch' };

    it('when an event field is altered, then the checkpoint at 40 fails and everything from 30 is suspect', () => {
      expect(verify(rewrittenConsistently(events.map((e, i) => (i === 37 ? altered : e))))).toMatchObject(
        rootMismatchAfter30,
      );
    });

    it('when an entry is deleted, inserted, or two are swapped, then the next checkpoint catches it', () => {
      const swapped = [...events];
      [swapped[37], swapped[52]] = [swapped[52], swapped[37]];
      const tamperings = [
        events.filter((_, i) => i !== 37),
        [...events.slice(0, 37), forged, ...events.slice(37)],
        swapped,
      ];
      for (const tampered of tamperings) {
        expect(verify(rewrittenConsistently(tampered))).toMatchObject(rootMismatchAfter30);
      }
    });

    it('when the log is truncated, then the checkpoint beyond its end is reported, from the last one reached', () => {
      expect(verify(log.entries.slice(0, 37))).toMatchObject({
        ok: false,
        firstBadIndex: 30,
        evidence: 'log-truncated',
      });
      expect(verify(log.entries.slice(0, 40))).toMatchObject({
        ok: false,
        firstBadIndex: 40,
        evidence: 'log-truncated',
      });
    });
  });

  describe('given doubtful checkpoints', () => {
    it('when one is signed by a key nobody trusts, then verification fails at its size', () => {
      const stranger = generateCheckpointSigningKey();
      const forgedCheckpoint = signCheckpoint(log.checkpoints[4] as Checkpoint, stranger.privateKey);
      const checkpoints = [...log.checkpoints, forgedCheckpoint];
      expect(verify(log.entries, checkpoints)).toMatchObject({
        ok: false,
        firstBadIndex: 40,
        evidence: 'checkpoint-invalid',
        reason: expect.stringContaining(stranger.keyId),
      });
    });

    it('when the operator signed two different roots for one size, then the split view fails verification', () => {
      const otherRoot = signCheckpoint(
        { ...(log.checkpoints[4] as Checkpoint), rootHash: toBase64(emptyTreeHash()) },
        log.signingKey.privateKey,
      );
      expect(verify(log.entries, [...log.checkpoints, otherRoot])).toMatchObject({
        ok: false,
        firstBadIndex: 40,
        evidence: 'root-mismatch',
      });
    });

    it('when checkpoints belong to another log than the auditor expects, then the origin is refused', () => {
      const verdict = verifyExportedLogSync({
        ...trust,
        entries: log.entries,
        origin: 'voting-ledger/lottery',
      });
      expect(verdict).toMatchObject({ ok: false, firstBadIndex: 0, evidence: 'checkpoint-origin-mismatch' });
    });

    it('when a checkpoint signs the empty tree, then it is checked before any entry', () => {
      const empty = signCheckpoint(
        { origin: log.origin, treeSize: 0, rootHash: toBase64(emptyTreeHash()) },
        log.signingKey.privateKey,
      );
      expect(verify(log.entries, [empty, ...log.checkpoints])).toMatchObject({
        ok: true,
        checkpointsVerified: 11,
      });
    });
  });

  describe('given unreadable input', () => {
    it('when an export line is not an entry, then that index is malformed and the reason names the line', async () => {
      const lines = log.entries.map(exportLine);
      lines[37] = '{"position":37,"leafHash":"oops","event":{}}';
      expect(await verifyExportedNdjson({ ...trust, lines })).toMatchObject({
        ok: false,
        firstBadIndex: 37,
        evidence: 'malformed-entry',
        reason: expect.stringContaining('line 38: leafHash'),
      });
    });

    it('when an event has no canonical form, then that index is malformed', () => {
      const entries = log.entries.map((entry, i) =>
        i === 5 ? { ...entry, event: { attempts: Number.NaN } } : entry,
      );
      expect(verify(entries)).toMatchObject({ ok: false, firstBadIndex: 5, evidence: 'malformed-entry' });
    });

    it('when a stream fails early, then the rest of it is not read', async () => {
      let pulled = 0;
      async function* stream(): AsyncGenerator<ExportedLogEntry> {
        for (const entry of log.entries) {
          pulled += 1;
          yield entry.position === 3 ? { ...entry, position: 4 } : entry;
        }
      }
      expect(await verifyExportedLog({ ...trust, entries: stream() })).toMatchObject({
        ok: false,
        firstBadIndex: 3,
      });
      expect(pulled).toBe(4);
    });
  });
});
