import { Injectable } from '@nestjs/common';
import type { Actor, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { CIVIL_REGISTRY_COLUMNS, readCitizenRow } from '../../domain/citizen-row';
import { openCsv } from '@vl/service-kit';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { fileRejected, rejectsOf, type FileRejected, type ImportCounts } from '../import-report';
import { CitizenBatchWriter, type CitizenLine } from './citizen-batch-writer';
import type { ImportProgress, MissingCitizensSink, RejectsSink } from './import-sinks';

export interface CivilRegistryImportOptions {
  /** the CEC operator who started the import, recorded with its first change */
  readonly importedBy: Actor;
  readonly rejects: RejectsSink;
  readonly missing?: MissingCitizensSink;
  /** rows per transaction and per append (default 5,000) */
  readonly batchSize?: number;
  /** batches written side by side, each on its own database session (default 3) */
  readonly writers?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly progressEveryMs?: number;
}

export interface CivilRegistryImportReport extends ImportCounts {
  readonly importId: string;
  /** citizens in the registry with no accepted row in this file: reported, never deleted */
  readonly missingFromFile: number;
  readonly elapsedMs: number;
}

export type CivilRegistryImportRejection =
  FileRejected | { readonly code: 'import-running'; readonly message: string };

// one import at a time: they would diff against each other's half-written state
const IMPORT_LOCK = "hashtext('voter-roll:civil-registry-import')";

/**
 * Streams civil-registry.csv into the registry: each row checked on its own, batches diffed against the
 * citizens read model and appended as CitizenRegistered / CitizenRecordChanged in one transaction per
 * batch, so a row is applied whole or not at all. Parsing overlaps writing, and a few batches are written
 * side by side; memory holds those batches, never the file or the roll.
 */
@Injectable()
export class CivilRegistryImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async run(
    input: Readable,
    options: CivilRegistryImportOptions,
  ): Promise<Result<CivilRegistryImportReport, CivilRegistryImportRejection>> {
    const started = Date.now();
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }] = (await session.query(`select pg_try_advisory_lock(${IMPORT_LOCK}) as locked`)) as [
        { locked: boolean },
      ];
      if (!locked) {
        input.destroy();
        return {
          ok: false,
          error: {
            code: 'import-running',
            message: 'another civil-registry import is running: wait for it to finish',
          },
        };
      }
      try {
        return await this.importFile(input, options, started);
      } finally {
        await session.query(`select pg_advisory_unlock(${IMPORT_LOCK})`);
      }
    } finally {
      await session.release();
    }
  }

  private async importFile(
    input: Readable,
    options: CivilRegistryImportOptions,
    started: number,
  ): Promise<Result<CivilRegistryImportReport, CivilRegistryImportRejection>> {
    const importId = uuidv7();
    const precincts = await new PrecinctsRepository(this.dataSource).codes();
    const file = await openCsv(input, CIVIL_REGISTRY_COLUMNS);
    if (!file.ok) return { ok: false, error: fileRejected(file.issues) };
    const writers = options.writers ?? 3;
    const writer = await CitizenBatchWriter.open(
      this.dataSource,
      this.store,
      importId,
      options.importedBy,
      options.rejects,
      writers,
    );
    const batchSize = options.batchSize ?? 5000;
    const progressEvery = options.progressEveryMs ?? 3000;
    let lastProgress = Date.now();
    let rows = 0;
    let rejected = 0;
    let batch: CitizenLine[] = [];
    const writing: Promise<void>[] = [];
    const flush = async () => {
      const full = batch;
      batch = [];
      // the next batches are parsed while earlier ones are written; a failed write surfaces at the next await
      if (writing.length >= writers) await writing.shift();
      const written = writer.write(full);
      written.catch(() => undefined);
      writing.push(written);
    };
    try {
      for await (const item of file.lines) {
        rows++;
        if (item.kind === 'malformed') {
          rejected++;
          await options.rejects.write({ line: item.line, column: '(row)', rule: item.rule });
        } else {
          const outcome = readCitizenRow(item.row, (code) => precincts.has(code));
          if (outcome.ok) batch.push({ line: item.line, record: outcome.value });
          else {
            rejected++;
            for (const reject of rejectsOf(item.line, outcome.issues)) await options.rejects.write(reject);
          }
        }
        if (batch.length >= batchSize) await flush();
        if (options.onProgress && Date.now() - lastProgress >= progressEvery) {
          lastProgress = Date.now();
          options.onProgress({ rows, bytesRead: file.bytesRead(), elapsedMs: lastProgress - started });
        }
      }
      await flush();
      for (const written of writing.splice(0)) await written;
      const missingFromFile = await writer.finish(options.missing);
      const counts = writer.counts();
      return {
        ok: true,
        value: {
          importId,
          rows,
          accepted: counts.accepted,
          changed: counts.changed,
          unchanged: counts.unchanged,
          rejected: rejected + counts.duplicates,
          missingFromFile,
          elapsedMs: Date.now() - started,
        },
      };
    } finally {
      await Promise.allSettled(writing);
      await writer.close();
    }
  }
}
