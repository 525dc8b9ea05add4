import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommissionMember } from '../domain/commission-member-row';
import type { Precinct } from '../domain/precinct-row';

interface PrecinctRow {
  precinct_id: string;
  region_code: string;
  region_name: string;
  district_code: string;
  district_name: string;
  abroad: boolean;
  country: string;
  address: string;
  time_zone: string;
  stream_version: number;
}

export interface StoredPrecinct {
  readonly precinct: Precinct;
  /** the version of the precinct's event stream the read model reflects */
  readonly streamVersion: number;
}

const PRECINCT_COLUMNS =
  'precinct_id, region_code, region_name, district_code, district_name, abroad, country, address, time_zone, stream_version';

/** Precincts and their commissions as the geography imports left them. */
@Injectable()
export class PrecinctsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every precinct with its stream version, locked for an import; some 2,500 rows. */
  async lockAll(tx: EntityManager): Promise<Map<string, StoredPrecinct>> {
    const rows: PrecinctRow[] = await tx.query(`select ${PRECINCT_COLUMNS} from precincts for update`);
    return new Map(
      rows.map((row) => [row.precinct_id, { precinct: precinctOf(row), streamVersion: row.stream_version }]),
    );
  }

  async codes(manager?: EntityManager): Promise<Set<string>> {
    const rows: { precinct_id: string }[] = await (manager ?? this.dataSource).query(
      'select precinct_id from precincts',
    );
    return new Set(rows.map((row) => row.precinct_id));
  }

  async exists(precinctId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource).query(
      'select 1 from precincts where precinct_id = $1',
      [precinctId],
    );
    return rows.length > 0;
  }

  /** How many precincts have a code starting with the prefix (a territory's: territoryPrefix). */
  async countStartingWith(prefix: string, manager?: EntityManager): Promise<number> {
    const [row] = (await (manager ?? this.dataSource).query(
      'select count(*)::int as n from precincts where starts_with(precinct_id, $1)',
      [prefix],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async inRegion(regionCode: string | undefined): Promise<Precinct[]> {
    const rows: PrecinctRow[] = await this.dataSource.query(
      `select ${PRECINCT_COLUMNS} from precincts where $1::text is null or region_code = $1 order by precinct_id`,
      [regionCode ?? null],
    );
    return rows.map(precinctOf);
  }

  async save(tx: EntityManager, precinct: Precinct, streamVersion: number): Promise<void> {
    await tx.query(
      `insert into precincts (${PRECINCT_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (precinct_id) do update set region_code = $2, region_name = $3, district_code = $4,
         district_name = $5, abroad = $6, country = $7, address = $8, time_zone = $9, stream_version = $10`,
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
        streamVersion,
      ],
    );
  }

  async setStreamVersion(tx: EntityManager, precinctId: string, streamVersion: number): Promise<void> {
    await tx.query('update precincts set stream_version = $2 where precinct_id = $1', [
      precinctId,
      streamVersion,
    ]);
  }

  /** Each member's current position, keyed `precinctId personalNumber`. */
  async lockCommissions(tx: EntityManager): Promise<Map<string, CommissionMember['position']>> {
    const rows: { precinct_id: string; personal_number: string; position: CommissionMember['position'] }[] =
      await tx.query('select precinct_id, personal_number, position from commission_members for update');
    return new Map(rows.map((row) => [commissionKey(row.precinct_id, row.personal_number), row.position]));
  }

  async appoint(tx: EntityManager, member: CommissionMember): Promise<void> {
    await tx.query(
      `insert into commission_members (precinct_id, personal_number, position) values ($1, $2, $3)
       on conflict (precinct_id, personal_number) do update set position = $3`,
      [member.precinctId, member.personalNumber, member.position],
    );
  }
}

export const commissionKey = (precinctId: string, personalNumber: string) =>
  `${precinctId} ${personalNumber}`;

function precinctOf(row: PrecinctRow): Precinct {
  return {
    precinctId: row.precinct_id,
    regionCode: row.region_code,
    regionName: row.region_name,
    districtCode: row.district_code,
    districtName: row.district_name,
    abroad: row.abroad,
    country: row.country,
    address: row.address,
    timeZone: row.time_zone,
  };
}
