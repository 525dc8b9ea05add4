import fc from 'fast-check';
import { exportedLogEntry, type ExportedLogEntry } from './exported-log-entry';
import type { TamperEvidence } from './log-verifier';
import { sampleEnvelope, signedSampleLog } from './sample-log.fixture';
import { verifyExportedLogSync } from './verify-exported-log';

/*
 * The detection contract, for a log of N entries with a checkpoint every CADENCE entries (the last at N):
 * let t be the first index where the tampered export differs from the original (for a truncation, the new
 * length), and c = floor(t / CADENCE) * CADENCE the last checkpoint the untouched prefix still satisfies.
 *   - Evidence found in an entry (leaf-hash mismatch, position out of sequence) names that entry: t, or
 *     t + 1 for a forged line that is itself consistent, whose displaced original is the first out of place.
 *   - Evidence from a checkpoint names c: entries before c are proven authentic, the tampering is at or after c.
 * So every tampering is detected, and c <= firstBadIndex <= t + 1, with the exact value fixed per case below.
 */
const N = 300;
const CADENCE = 25;
const log = signedSampleLog(N, CADENCE);

type Attacker = 'naive' | 'consistent';
type Tampering =
  | {
      readonly kind: 'flip';
      readonly index: number;
      readonly field: number;
      readonly char: number;
      readonly attacker: Attacker;
    }
  | { readonly kind: 'delete'; readonly index: number; readonly attacker: Attacker }
  | { readonly kind: 'swap'; readonly index: number; readonly distance: number; readonly attacker: Attacker }
  | { readonly kind: 'insert'; readonly index: number; readonly attacker: Attacker }
  | { readonly kind: 'truncate'; readonly index: number };

const attacker = fc.constantFrom<Attacker>('naive', 'consistent');
const index = fc.nat({ max: N - 1 });
const tampering: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), index, field: fc.nat(), char: fc.nat(), attacker }),
  fc.record({ kind: fc.constant('delete' as const), index, attacker }),
  fc.record({
    kind: fc.constant('swap' as const),
    index: fc.nat({ max: N - 2 }),
    distance: fc.integer({ min: 1, max: N - 1 }),
    attacker,
  }),
  fc.record({ kind: fc.constant('insert' as const), index, attacker }),
  fc.record({ kind: fc.constant('truncate' as const), index }),
);

/** The event with one byte of one string field flipped, or one number field changed. */
function flipOneByte(event: unknown, field: number, char: number): unknown {
  const copy = structuredClone(event) as Record<string, unknown>;
  const leaves: [Record<string, unknown>, string][] = [];
  const collect = (node: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' || typeof value === 'number') leaves.push([node, key]);
      else if (typeof value === 'object' && value !== null) collect(value as Record<string, unknown>);
    }
  };
  collect(copy);
  const [holder, key] = leaves[field % leaves.length] as [Record<string, unknown>, string];
  const value = holder[key];
  if (typeof value === 'number') holder[key] = value + 1;
  else {
    const text = value as string;
    const at = char % text.length;
    holder[key] = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
  }
  return copy;
}

function tamper(t: Tampering): ExportedLogEntry[] {
  const entries = [...log.entries];
  const renumber = (list: ExportedLogEntry[]): ExportedLogEntry[] =>
    list.map((entry, position) => (entry.position === position ? entry : { ...entry, position }));
  switch (t.kind) {
    case 'flip': {
      const original = entries[t.index] as ExportedLogEntry;
      const event = flipOneByte(original.event, t.field, t.char);
      entries[t.index] = t.attacker === 'naive' ? { ...original, event } : exportedLogEntry(t.index, event);
      return entries;
    }
    case 'delete':
      entries.splice(t.index, 1);
      return t.attacker === 'naive' ? entries : renumber(entries);
    case 'swap': {
      const other = Math.min(t.index + t.distance, N - 1);
      const [first, second] = [entries[t.index] as ExportedLogEntry, entries[other] as ExportedLogEntry];
      entries[t.index] = t.attacker === 'naive' ? second : { ...second, position: t.index };
      entries[other] = t.attacker === 'naive' ? first : { ...first, position: other };
      return entries;
    }
    case 'insert': {
      const forged = { ...sampleEnvelope(t.index), partitionKey: 'voter-0', eventId: `forged-${t.index}` };
      entries.splice(t.index, 0, exportedLogEntry(t.index, forged));
      return t.attacker === 'naive' ? entries : renumber(entries);
    }
    case 'truncate':
      return entries.slice(0, t.index);
  }
}

function expectedVerdict(t: Tampering): {
  readonly firstBadIndex: number;
  readonly evidence: TamperEvidence;
} {
  const c = Math.floor(t.index / CADENCE) * CADENCE;
  const nextCheckpoint = c + CADENCE;
  if (t.kind === 'truncate') return { firstBadIndex: c, evidence: 'log-truncated' };
  if (t.attacker === 'consistent') {
    // a consistent deletion past the second-to-last checkpoint leaves the last one out of reach
    const evidence = t.kind === 'delete' && nextCheckpoint > N - 1 ? 'log-truncated' : 'root-mismatch';
    return { firstBadIndex: c, evidence };
  }
  switch (t.kind) {
    case 'flip':
      return { firstBadIndex: t.index, evidence: 'leaf-hash-mismatch' };
    case 'swap':
      return { firstBadIndex: t.index, evidence: 'position-out-of-sequence' };
    case 'delete':
      return t.index === N - 1
        ? { firstBadIndex: c, evidence: 'log-truncated' }
        : { firstBadIndex: t.index, evidence: 'position-out-of-sequence' };
    case 'insert':
      // the forged line completes a checkpointed size before the displaced original is read
      return (t.index + 1) % CADENCE === 0
        ? { firstBadIndex: c, evidence: 'root-mismatch' }
        : { firstBadIndex: t.index + 1, evidence: 'position-out-of-sequence' };
  }
}

describe('tamper detection over random tamperings', () => {
  it('given the untouched log, when verified, then it passes', () => {
    const verdict = verifyExportedLogSync({ ...log, entries: log.entries });
    expect(verdict).toMatchObject({
      ok: true,
      treeSize: N,
      checkpointedSize: N,
      checkpointsVerified: N / CADENCE,
    });
  });

  it('given 1,200 random tamperings by naive and consistent attackers, when verified, then each is detected at the index the contract fixes', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(tampering, (t) => {
        const verdict = verifyExportedLogSync({ ...log, entries: tamper(t) });
        const expected = expectedVerdict(t);
        expect(verdict).toMatchObject({ ok: false, ...expected });
        const c = Math.floor(t.index / CADENCE) * CADENCE;
        if (!verdict.ok)
          expect(verdict.firstBadIndex >= c && verdict.firstBadIndex <= t.index + 1).toBe(true);
        seen.add(`${t.kind}/${'attacker' in t ? t.attacker : 'any'}/${expected.evidence}`);
      }),
      { numRuns: 1_200 },
    );
    // every kind of tampering, by both attackers, actually occurred
    const kinds = ['flip', 'delete', 'swap', 'insert'].flatMap((kind) => [
      `${kind}/naive`,
      `${kind}/consistent`,
    ]);
    for (const kind of [...kinds, 'truncate/any'])
      expect([...seen].some((s) => s.startsWith(kind))).toBe(true);
  });
});
