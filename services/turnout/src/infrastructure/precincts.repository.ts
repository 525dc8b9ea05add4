import { Injectable } from '@nestjs/common';
import type { PrecinctRegisteredPayload } from '@vl/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface Precinct {
  readonly precinctId: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly abroad: boolean;
  readonly country: string;
  readonly address: string;
  /** the zone of its polling hours (PrecinctRegistered v2) */
  readonly timeZone: string;
}

/** Turnout's copy of voter-roll's precincts, with their region and district for turnout by territory. */
@Injectable()
export class PrecinctsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest PrecinctRegistered of a precinct is its current record; one precinct's events arrive in order. */
  async record(tx: EntityManager, precinct: PrecinctRegisteredPayload, sourceEventId: string): Promise<void> {
    await tx.query(
      `insert into precincts (precinct_id, region_code, region_name, district_code, district_name, abroad, country, address, time_zone, source_event_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (precinct_id) do update set
         region_code = excluded.region_code, region_name = excluded.region_name,
         district_code = excluded.district_code, district_name = excluded.district_name,
         abroad = excluded.abroad, country = excluded.country, address = excluded.address,
         time_zone = excluded.time_zone, source_event_id = excluded.source_event_id`,
      [
        precinct.precinctId,
        precinct.regionCode,
        precinct.regionName,
        precinct.districtCode,
        precinct.districtName,
        precinct.abroad,
        precinct.country,
        precinct.address,
        precinct.timeZone,
        sourceEventId,
      ],
    );
  }

  async find(precinctId: string): Promise<Precinct | undefined> {
    const rows: {
      precinct_id: string;
      region_code: string;
      region_name: string;
      district_code: string;
      district_name: string;
      abroad: boolean;
      country: string;
      address: string;
      time_zone: string;
    }[] = await this.dataSource.query(
      `select precinct_id, region_code, region_name, district_code, district_name, abroad, country, address, time_zone
         from precincts where precinct_id = $1`,
      [precinctId],
    );
    const row = rows[0];
    return row
      ? {
          precinctId: row.precinct_id,
          regionCode: row.region_code,
          regionName: row.region_name,
          districtCode: row.district_code,
          districtName: row.district_name,
          abroad: row.abroad,
          country: row.country,
          address: row.address,
          timeZone: row.time_zone,
        }
      : undefined;
  }

  /** The zones of the precincts asked for that turnout knows; one query for a batch of check-ins. */
  async timeZonesOf(precinctIds: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const rows: { precinct_id: string; time_zone: string }[] = await (manager ?? this.dataSource).query(
      'select precinct_id, time_zone from precincts where precinct_id = any($1::text[])',
      [precinctIds],
    );
    return new Map(rows.map((row) => [row.precinct_id, row.time_zone]));
  }

  /**
   * The zones of an election's precincts: those with a list, a certificate or an inclusion for it, or its polls
   * opened. Precincts without any of them take no check-ins, so they hold nothing back.
   */
  async timeZonesOfElection(electionId: string): Promise<string[]> {
    const rows: { time_zone: string }[] = await this.dataSource.query(
      `select distinct p.time_zone from precincts p
        where p.precinct_id in (
          select precinct_id from voter_list_finalizations where election_id = $1
          union select voting_precinct_id from absentee_transfers where election_id = $1
          union select precinct_id from polling_day_inclusions where election_id = $1
          union select precinct_id from precinct_polls where election_id = $1)
        order by p.time_zone`,
      [electionId],
    );
    return rows.map((row) => row.time_zone);
  }
}
