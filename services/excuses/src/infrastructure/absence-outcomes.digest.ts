import { Injectable } from '@nestjs/common';
import { digestByCursor, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

/** Every absence's outcome in one hash: an auditor's replay of excuses must reach the same. */
@Injectable()
export class AbsenceOutcomesDigest implements ProjectionDigest {
  readonly name = 'absences';

  constructor(private readonly dataSource: DataSource) {}

  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select absence_id, election_id, personal_number, precinct_id, to_char(election_date, 'YYYY-MM-DD') as election_date,
              status, category, basis, stream_version
         from absences order by absence_id`,
    );
  }
}
