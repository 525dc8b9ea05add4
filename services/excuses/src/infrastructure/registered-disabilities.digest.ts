import { Injectable } from '@nestjs/common';
import { digestByCursor, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

/** The registered_disabilities projection in one hash, read through a cursor: a registry does not sit in memory. */
@Injectable()
export class RegisteredDisabilitiesDigest implements ProjectionDigest {
  readonly name = 'registered_disabilities';

  constructor(private readonly dataSource: DataSource) {}

  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      'select personal_number, registered_disability, event_id from registered_disabilities order by personal_number',
    );
  }
}
