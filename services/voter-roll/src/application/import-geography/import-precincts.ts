import { Injectable } from '@nestjs/common';
import { noContext, type Actor, type Result } from '@vl/contracts';
import { EventStore, type AppendRequest } from '@vl/event-store';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { precinctDecider } from '../../domain/geography';
import { OPTIONAL_PRECINCT_COLUMNS, PRECINCT_COLUMNS, readPrecinctRow } from '../../domain/precinct-row';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { precinctStreamId } from '../../domain/stream-ids';
import type { FileRejected, ImportCounts, RejectedLine } from '../import-report';
import { recordRegistryImport } from '../registry-import-record';
import { readGeographyFile } from './geography-file';

export interface GeographyImportReport extends ImportCounts {
  readonly rejects: readonly RejectedLine[];
}

/** precincts.csv → PrecinctRegistered for new and changed precincts, in one transaction. */
@Injectable()
export class ImportPrecincts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(input: Readable, importedBy: Actor): Promise<Result<GeographyImportReport, FileRejected>> {
    const file = await readGeographyFile(
      input,
      PRECINCT_COLUMNS,
      readPrecinctRow,
      { column: 'precinct_code', keyOf: (precinct) => precinct.precinctId, what: 'each precinct_code' },
      OPTIONAL_PRECINCT_COLUMNS,
    );
    if (!file.ok) return file;
    const { rows, valid, rejects, rejectedRows } = file.value;
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const current = await this.precincts.lockAll(tx);
      const requests: AppendRequest[] = [];
      let accepted = 0;
      let changed = 0;
      for (const { value: precinct } of valid) {
        const stored = current.get(precinct.precinctId);
        // the locked row is the precinct's state at its stream version, and the append expects that version
        const state = { precinct: stored?.precinct ?? null, commission: {} };
        const decision = precinctDecider.decide({ type: 'RegisterPrecinct', precinct }, state, noContext);
        const events = decision.ok ? decision.value : [];
        if (events.length === 0) continue;
        if (stored) changed++;
        else accepted++;
        requests.push({
          streamId: precinctStreamId(precinct.precinctId),
          expectedVersion: stored ? stored.streamVersion : 'no-stream',
          events,
        });
      }
      const importId = uuidv7();
      const appended = await this.store.append(requests, { correlationId: importId }, tx);
      for (const stored of appended) {
        // what comes back from storage is read through its contract, not trusted by type
        const event = this.store.read(stored);
        if (event.type === 'PrecinctRegistered')
          await this.precincts.save(tx, event.payload, event.streamVersion);
      }
      if (appended.length > 0)
        await recordRegistryImport(this.store, tx, { importId, file: 'precincts', importedBy }, true);
      const unchanged = valid.length - accepted - changed;
      return { ok: true, value: { rows, accepted, changed, unchanged, rejected: rejectedRows, rejects } };
    });
  }
}
