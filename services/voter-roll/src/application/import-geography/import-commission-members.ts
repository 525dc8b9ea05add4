import { Injectable } from '@nestjs/common';
import { noContext, type Actor, type CommissionMemberAppointed, type Result } from '@vl/contracts';
import { EventStore, type AppendRequest } from '@vl/event-store';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { COMMISSION_MEMBER_COLUMNS, readCommissionMemberRow } from '../../domain/commission-member-row';
import { precinctDecider } from '../../domain/geography';
import { precinctStreamId } from '../../domain/stream-ids';
import { commissionKey, PrecinctsRepository } from '../../infrastructure/precincts.repository';
import type { FileRejected } from '../import-report';
import { readGeographyFile } from './geography-file';
import { recordRegistryImport } from '../registry-import-record';
import type { GeographyImportReport } from './import-precincts';

/** commission-members.csv → CommissionMemberAppointed for new members and changed positions. */
@Injectable()
export class ImportCommissionMembers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(input: Readable, importedBy: Actor): Promise<Result<GeographyImportReport, FileRejected>> {
    const known = await this.precincts.codes();
    const file = await readGeographyFile(
      input,
      COMMISSION_MEMBER_COLUMNS,
      (row) => readCommissionMemberRow(row, (code) => known.has(code)),
      {
        column: 'personal_number',
        keyOf: (member) => commissionKey(member.precinctId, member.personalNumber),
        what: 'each member of a precinct commission',
      },
    );
    if (!file.ok) return file;
    const { rows, valid, rejects, rejectedRows } = file.value;
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const precincts = await this.precincts.lockAll(tx);
      const positions = await this.precincts.lockCommissions(tx);
      const byPrecinct = new Map<string, CommissionMemberAppointed[]>();
      let accepted = 0;
      let changed = 0;
      for (const { value: member } of valid) {
        const current = positions.get(commissionKey(member.precinctId, member.personalNumber)) ?? null;
        // the locked rows are the precinct's state at its stream version, and the append expects that version
        const state = {
          precinct: precincts.get(member.precinctId)?.precinct ?? null,
          commission: current === null ? {} : { [member.personalNumber]: current },
        };
        const decision = precinctDecider.decide(
          { type: 'AppointCommissionMember', member },
          state,
          noContext,
        );
        const events = decision.ok ? (decision.value as CommissionMemberAppointed[]) : [];
        if (events.length === 0) continue;
        if (current === null) accepted++;
        else changed++;
        byPrecinct.set(member.precinctId, [...(byPrecinct.get(member.precinctId) ?? []), ...events]);
      }
      const requests: AppendRequest[] = [...byPrecinct].map(([precinctId, events]) => ({
        streamId: precinctStreamId(precinctId),
        expectedVersion: precincts.get(precinctId)?.streamVersion ?? 'no-stream',
        events,
      }));
      const importId = uuidv7();
      const appended = await this.store.append(requests, { correlationId: importId }, tx);
      if (appended.length > 0) {
        const run = { importId, file: 'commission-members' as const, importedBy };
        // a commission decides no one's list: the registry's revision stays
        await recordRegistryImport(this.store, tx, run, false);
      }
      const lastVersion = new Map<string, number>();
      for (const stored of appended) {
        const event = this.store.read(stored);
        if (event.type !== 'CommissionMemberAppointed') continue;
        await this.precincts.appoint(tx, event.payload);
        lastVersion.set(event.payload.precinctId, event.streamVersion);
      }
      for (const [precinctId, version] of lastVersion)
        await this.precincts.setStreamVersion(tx, precinctId, version);
      const unchanged = valid.length - accepted - changed;
      return { ok: true, value: { rows, accepted, changed, unchanged, rejected: rejectedRows, rejects } };
    });
  }
}
