import { Injectable } from '@nestjs/common';
import { digestByCursor, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

// One digest per projection of voter-roll's topics; a replay on its own consumer group must match each.

@Injectable()
export class PrecinctsDigest implements ProjectionDigest {
  readonly name = 'precincts';
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select precinct_id, region_code, region_name, district_code, district_name, abroad, country, address, time_zone,
              source_event_id
         from precincts order by precinct_id`,
    );
  }
}

@Injectable()
export class ElectoralRollDigest implements ProjectionDigest {
  readonly name = 'electoral_roll';
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select election_id, personal_number, precinct_id, source_event_id
         from electoral_roll order by election_id, personal_number, precinct_id`,
    );
  }
}

@Injectable()
export class VoterListFinalizationsDigest implements ProjectionDigest {
  readonly name = 'voter_list_finalizations';
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select election_id, precinct_id, voter_count, merkle_root, source_event_id
         from voter_list_finalizations order by election_id, precinct_id`,
    );
  }
}

@Injectable()
export class AbsenteeTransfersDigest implements ProjectionDigest {
  readonly name = 'absentee_transfers';
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select election_id, personal_number, serial, home_precinct_id, voting_precinct_id, source_event_id
         from absentee_transfers order by election_id, personal_number, serial`,
    );
  }
}

@Injectable()
export class PollingDayInclusionsDigest implements ProjectionDigest {
  readonly name = 'polling_day_inclusions';
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(
      this.dataSource,
      `select election_id, personal_number, precinct_id, address_reference, source_event_id
         from polling_day_inclusions order by election_id, personal_number, precinct_id`,
    );
  }
}

export const VOTER_ROLL_PROJECTION_DIGESTS = [
  PrecinctsDigest,
  ElectoralRollDigest,
  VoterListFinalizationsDigest,
  AbsenteeTransfersDigest,
  PollingDayInclusionsDigest,
];
