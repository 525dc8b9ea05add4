import { Injectable } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import { EventStore, type AppendRequest } from '@vl/event-store';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { decidePrecinctImport } from '../../domain/geography';
import { PRECINCT_COLUMNS, readPrecinctRow } from '../../domain/precinct-row';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { raiseRegistryRevision } from '../../infrastructure/registry-revision';
import type { FileRejected, ImportCounts, RejectedLine } from '../import-report';
import { readGeographyFile } from './geography-file';

export interface GeographyImportReport extends ImportCounts {
  readonly rejects: readonly RejectedLine[];
}

export const precinctStreamId = (precinctId: string) => `precinct-${precinctId}`;

/** precincts.csv → PrecinctRegistered for new and changed precincts, in one transaction. */
@Injectable()
export class ImportPrecincts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(input: Readable): Promise<Result<GeographyImportReport, FileRejected>> {
    const file = await readGeographyFile(input, PRECINCT_COLUMNS, readPrecinctRow, {
      column: 'precinct_code',
      keyOf: (precinct) => precinct.precinctId,
      what: 'each precinct_code',
    });
    if (!file.ok) return file;
    const { rows, valid, rejects, rejectedRows } = file.value;
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const current = await this.precincts.lockAll(tx);
      const requests: AppendRequest[] = [];
      let accepted = 0;
      let changed = 0;
      for (const { value: precinct } of valid) {
        const stored = current.get(precinct.precinctId);
        const events = decidePrecinctImport(precinct, stored?.precinct ?? null);
        if (events.length === 0) continue;
        if (stored) changed++;
        else accepted++;
        requests.push({
          streamId: precinctStreamId(precinct.precinctId),
          expectedVersion: stored ? stored.streamVersion : 'no-stream',
          events,
        });
      }
      const appended = await this.store.append(requests, {}, tx);
      for (const event of appended) {
        const payload = event.payload as (typeof valid)[number]['value'];
        await this.precincts.save(tx, payload, event.streamVersion);
      }
      if (appended.length > 0) await raiseRegistryRevision(tx);
      const unchanged = valid.length - accepted - changed;
      return { ok: true, value: { rows, accepted, changed, unchanged, rejected: rejectedRows, rejects } };
    });
  }
}
