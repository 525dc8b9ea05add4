import { Injectable } from '@nestjs/common';
import type { CommissionMemberAppointed, Result } from '@vl/contracts';
import { EventStore, type AppendRequest } from '@vl/event-store';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { COMMISSION_MEMBER_COLUMNS, readCommissionMemberRow } from '../../domain/commission-member-row';
import { decideCommissionAppointment } from '../../domain/geography';
import { commissionKey, PrecinctsRepository } from '../../infrastructure/precincts.repository';
import type { FileRejected } from '../import-report';
import { readGeographyFile } from './geography-file';
import { precinctStreamId, type GeographyImportReport } from './import-precincts';

/** commission-members.csv → CommissionMemberAppointed for new members and changed positions. */
@Injectable()
export class ImportCommissionMembers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(input: Readable): Promise<Result<GeographyImportReport, FileRejected>> {
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
        const events = decideCommissionAppointment(member, current);
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
      const appended = await this.store.append(requests, {}, tx);
      const lastVersion = new Map<string, number>();
      for (const event of appended) {
        const member = event.payload as CommissionMemberAppointed['payload'];
        await this.precincts.appoint(tx, member);
        lastVersion.set(member.precinctId, event.streamVersion);
      }
      for (const [precinctId, version] of lastVersion)
        await this.precincts.setStreamVersion(tx, precinctId, version);
      const unchanged = valid.length - accepted - changed;
      return { ok: true, value: { rows, accepted, changed, unchanged, rejected: rejectedRows, rejects } };
    });
  }
}
