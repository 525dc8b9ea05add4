import { Injectable } from '@nestjs/common';
import { digestRows, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

@Injectable()
export class ScheduledElectionsDigest implements ProjectionDigest {
  readonly name = 'scheduled_elections';

  constructor(private readonly dataSource: DataSource) {}

  async digest(): Promise<ReadModelDigest> {
    const rows: unknown[] = await this.dataSource.query(
      `select election_id, kind, title, to_char(election_date, 'YYYY-MM-DD') as election_date, time_zone,
              polls_open_at, polls_close_at, source_event_id
         from scheduled_elections order by election_id`,
    );
    return digestRows(rows);
  }
}
