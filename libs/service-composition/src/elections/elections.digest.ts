import { Injectable } from '@nestjs/common';
import { digestRows, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

/** The elections projection in one hash: a replay on another schema must reach the same. */
@Injectable()
export class ElectionsDigest implements ProjectionDigest {
  readonly name = 'elections';

  constructor(private readonly dataSource: DataSource) {}

  async digest(): Promise<ReadModelDigest> {
    const rows: unknown[] = await this.dataSource.query(
      `select election_id, kind, title, to_char(election_date, 'YYYY-MM-DD') as election_date, time_zone,
              polls_open_at, polls_close_at, source_event_id
         from elections order by election_id`,
    );
    return digestRows(rows);
  }
}
