import { EventStore, type AppendRequest } from '@vl/event-store';
import type { DataSource, QueryRunner } from 'typeorm';
import { noContext, type Actor } from '@vl/contracts';
import { citizenDecider } from '../../domain/citizen-registry';
import type { CitizenRecord } from '../../domain/citizen-row';
import { CitizensRepository, type StoredCitizen } from '../../infrastructure/citizens.repository';
import { citizenStreamId } from '../../domain/stream-ids';
import { raiseRegistryRevision } from '../../infrastructure/registry-revision';
import type { RejectedLine } from '../import-report';
import { recordRegistryImport } from '../registry-import-record';
import type { MissingCitizensSink, RejectsSink } from './import-sinks';

export interface CitizenLine {
  readonly line: number;
  readonly record: CitizenRecord;
}

const MISSING_PAGE = 10_000;

/**
 * Writes an import's valid rows batch by batch, each batch in one transaction: its personal numbers are
 * claimed (a number an earlier batch claimed makes the later line a duplicate), the batch is diffed against
 * the citizens read model, and its events are appended together with the read model. Several sessions
 * write batches side by side; claims are taken in file order, so the later line is always the duplicate.
 */
export class CitizenBatchWriter {
  private accepted = 0;
  private changed = 0;
  private unchanged = 0;
  private duplicates = 0;
  private registryRaised = false;
  private claimTurn: Promise<void> = Promise.resolve();
  private readonly citizens: CitizensRepository;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: QueryRunner[],
    private readonly store: EventStore,
    private readonly importId: string,
    private readonly importedBy: Actor,
    private readonly rejects: RejectsSink,
  ) {
    this.citizens = new CitizensRepository(dataSource);
  }

  /** Opens `writers` sessions; the caller holds the import lock and keeps at most `writers` writes running. */
  static async open(
    dataSource: DataSource,
    store: EventStore,
    importId: string,
    importedBy: Actor,
    rejects: RejectsSink,
    writers: number,
  ): Promise<CitizenBatchWriter> {
    const sessions = Array.from({ length: writers }, () => dataSource.createQueryRunner());
    await Promise.all(sessions.map((session) => session.connect()));
    await new CitizensRepository(dataSource).resetImportClaims(dataSource.manager);
    return new CitizenBatchWriter(dataSource, sessions, store, importId, importedBy, rejects);
  }

  counts() {
    const { accepted, changed, unchanged, duplicates } = this;
    return { accepted, changed, unchanged, duplicates };
  }

  async write(batch: readonly CitizenLine[]): Promise<void> {
    if (batch.length === 0) return;
    const { unique, duplicates } = firstOccurrences(batch);
    const session = this.sessions.pop();
    if (!session) throw new Error('more batches in flight than the writer has sessions');
    const previousClaims = this.claimTurn;
    let claimed: () => void = () => undefined;
    this.claimTurn = new Promise((resolve) => (claimed = resolve));
    const tx = session.manager;
    let outcome: { accepted: number; changed: number; unchanged: number };
    try {
      await session.startTransaction('READ COMMITTED');
      try {
        let current: Map<string, StoredCitizen | null>;
        try {
          await previousClaims;
          current = await this.citizens.claimForImport(
            tx,
            unique.map((item) => ({ personalNumber: item.record.personalNumber, line: item.line })),
          );
        } finally {
          claimed();
        }
        const fresh = unique.filter((item) => current.has(item.record.personalNumber));
        if (fresh.length < unique.length) await this.rejectRepeated(session, unique, current, duplicates);
        outcome = await this.applyDifferences(session, fresh, current);
        await session.commitTransaction();
      } catch (error) {
        await session.rollbackTransaction();
        throw error;
      }
    } finally {
      // the next batch claims after this one, whatever happened here
      claimed();
      this.sessions.push(session);
    }
    this.accepted += outcome.accepted;
    this.changed += outcome.changed;
    this.unchanged += outcome.unchanged;
    this.duplicates += duplicates.length;
    duplicates.sort((a, b) => a.line - b.line);
    for (const reject of duplicates) await this.rejects.write(reject);
  }

  private async applyDifferences(
    session: QueryRunner,
    fresh: readonly CitizenLine[],
    current: ReadonlyMap<string, StoredCitizen | null>,
  ) {
    const requests: AppendRequest[] = [];
    const saved: StoredCitizen[] = [];
    let [accepted, changed, unchanged] = [0, 0, 0];
    for (const { record } of fresh) {
      const existing = current.get(record.personalNumber) ?? null;
      // the read-model row is the citizen's state at its stream version, written with the events up to it, and the
      // append expects exactly that version ('no-stream' for a new citizen): a decision on the citizen's stream
      const decision = citizenDecider.decide({ record }, existing?.record ?? null, noContext);
      const events = decision.ok ? decision.value : [];
      if (events.length === 0) {
        unchanged++;
        continue;
      }
      if (existing === null) accepted++;
      else changed++;
      const version = existing?.streamVersion ?? 0;
      requests.push({
        streamId: citizenStreamId(record.personalNumber),
        expectedVersion: version === 0 ? 'no-stream' : version,
        events,
      });
      saved.push({ record, streamVersion: version + events.length });
    }
    if (requests.length === 0) return { accepted, changed, unchanged };
    await this.store.append(requests, { correlationId: this.importId }, session.manager);
    await this.citizens.save(session.manager, saved);
    // with the first change, so that lists compiled from the registry before it are known to be stale
    if (!this.registryRaised) {
      this.registryRaised = true;
      await recordRegistryImport(
        this.store,
        session.manager,
        { importId: this.importId, file: 'civil-registry', importedBy: this.importedBy },
        true,
      );
    }
    return { accepted, changed, unchanged };
  }

  /** A personal number an earlier batch of this file had: the later line is the reject. */
  private async rejectRepeated(
    session: QueryRunner,
    unique: readonly CitizenLine[],
    claimed: ReadonlyMap<string, unknown>,
    duplicates: RejectedLine[],
  ): Promise<void> {
    const repeated = unique.filter((item) => !claimed.has(item.record.personalNumber));
    const earlier = await this.citizens.claimedLines(
      session.manager,
      repeated.map((item) => item.record.personalNumber),
    );
    for (const item of repeated) {
      duplicates.push(duplicateOf(item.line, earlier.get(item.record.personalNumber) ?? 0));
    }
  }

  /** After the last batch: marks the registry changed once more and reports who the file left out. */
  async finish(sink?: MissingCitizensSink): Promise<number> {
    if (this.accepted + this.changed > 0) await raiseRegistryRevision(this.dataSource.manager);
    if (!sink) return this.citizens.countUnclaimed(this.dataSource.manager);
    let missing = 0;
    let after = '';
    for (;;) {
      const page = await this.citizens.unclaimedPage(this.dataSource.manager, after, MISSING_PAGE);
      for (const personalNumber of page) await sink.write(personalNumber);
      missing += page.length;
      if (page.length < MISSING_PAGE) return missing;
      after = page.at(-1) ?? after;
    }
  }

  async close(): Promise<void> {
    await this.citizens.resetImportClaims(this.dataSource.manager);
    await Promise.all(this.sessions.map((session) => session.release()));
  }
}

/** Each citizen is an event stream of its own: registered once, then changed field by field. */

function firstOccurrences(batch: readonly CitizenLine[]) {
  const firstLine = new Map<string, number>();
  const unique: CitizenLine[] = [];
  const duplicates: RejectedLine[] = [];
  for (const item of batch) {
    const earlier = firstLine.get(item.record.personalNumber);
    if (earlier === undefined) {
      firstLine.set(item.record.personalNumber, item.line);
      unique.push(item);
    } else duplicates.push(duplicateOf(item.line, earlier));
  }
  return { unique, duplicates };
}

function duplicateOf(line: number, earlierLine: number): RejectedLine {
  return {
    line,
    column: 'personal_number',
    rule: `expected each personal_number once: already on line ${earlierLine}`,
  };
}
