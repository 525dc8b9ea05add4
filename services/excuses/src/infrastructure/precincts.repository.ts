import { Injectable } from '@nestjs/common';
import type { PrecinctRegisteredPayload } from '@vl/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface PrecinctOnRecord {
  readonly precinctId: string;
  readonly districtCode: string;
  readonly regionCode: string;
  readonly timeZone: string;
}

/** The precincts excuses knows: no address, no name; a re-registration updates the row. */
@Injectable()
export class PrecinctsOnRecord {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, precinct: PrecinctRegisteredPayload, sourceEventId: string): Promise<void> {
    await tx.query(
      `insert into precincts (precinct_id, district_code, region_code, time_zone, source_event_id)
       values ($1, $2, $3, $4, $5)
       on conflict (precinct_id) do update
         set district_code = excluded.district_code, region_code = excluded.region_code,
             time_zone = excluded.time_zone, source_event_id = excluded.source_event_id`,
      [precinct.precinctId, precinct.districtCode, precinct.regionCode, precinct.timeZone, sourceEventId],
    );
  }

  async find(
    precinctIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, PrecinctOnRecord>> {
    const rows: { precinct_id: string; district_code: string; region_code: string; time_zone: string }[] =
      await (manager ?? this.dataSource).query(
        'select precinct_id, district_code, region_code, time_zone from precincts where precinct_id = any($1::text[])',
        [precinctIds],
      );
    return new Map(
      rows.map((row) => [
        row.precinct_id,
        {
          precinctId: row.precinct_id,
          districtCode: row.district_code,
          regionCode: row.region_code,
          timeZone: row.time_zone,
        },
      ]),
    );
  }
}
