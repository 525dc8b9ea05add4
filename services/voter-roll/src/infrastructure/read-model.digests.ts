import { Injectable } from '@nestjs/common';
import { digestRows, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

/** The geography as the imports left it, for comparing a replay with the live service. */
@Injectable()
export class PrecinctsDigest implements ProjectionDigest {
  readonly name = 'precincts';

  constructor(private readonly dataSource: DataSource) {}

  async digest(): Promise<ReadModelDigest> {
    const rows: unknown[] = await this.dataSource.query(
      `select precinct_id, region_code, region_name, district_code, district_name, abroad, country, address,
              time_zone
         from precincts order by precinct_id`,
    );
    return digestRows(rows);
  }
}

/** Every finalized list by its count and Merkle root: the roots stand for the millions of entries. */
@Injectable()
export class VoterListsDigest implements ProjectionDigest {
  readonly name = 'voter_lists';

  constructor(private readonly dataSource: DataSource) {}

  async digest(): Promise<ReadModelDigest> {
    const rows: unknown[] = await this.dataSource.query(
      'select election_id, precinct_id, voter_count, merkle_root from voter_lists order by election_id, precinct_id',
    );
    return digestRows(rows);
  }
}
