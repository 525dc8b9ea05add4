import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CitizenRecord } from '../domain/citizen-row';

interface CitizenRow {
  personal_number: string;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string;
  sex: CitizenRecord['sex'];
  residence_precinct_id: string;
  declared_incapable: boolean;
  in_custody: boolean;
  registered_disability: boolean;
  stream_version: number;
}

/** A citizen's current record and the version of the citizen's event stream it reflects. */
export interface StoredCitizen {
  readonly record: CitizenRecord;
  readonly streamVersion: number;
}

type Queryable = Pick<EntityManager, 'query'>;

const CITIZEN_COLUMNS = `personal_number, surname, given_name, patronymic, to_char(birth_date, 'YYYY-MM-DD') as birth_date,
  sex, residence_precinct_id, declared_incapable, in_custody, registered_disability, stream_version`;

/** The citizens read model: the registry's current record of each citizen, kept with the appends. */
@Injectable()
export class CitizensRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims personal numbers for the running import and returns, for the ones no earlier batch claimed, the
   * registry's current record (or null for a new citizen). A number another open transaction claimed waits
   * for it, then counts as taken. The import lock makes the import the registry's only writer.
   */
  async claimForImport(
    tx: Queryable,
    lines: readonly { readonly personalNumber: string; readonly line: number }[],
  ): Promise<Map<string, StoredCitizen | null>> {
    const rows: (CitizenRow & { claimed: string })[] = await tx.query(
      `with claimed as (
         insert into civil_registry_import_claims (personal_number, line)
         select * from unnest($1::text[], $2::int[]) on conflict do nothing returning personal_number)
       select claimed.personal_number as claimed, ${CITIZEN_COLUMNS.replace('personal_number,', 'c.personal_number,')}
         from claimed left join citizens c on c.personal_number = claimed.personal_number`,
      [lines.map((item) => item.personalNumber), lines.map((item) => item.line)],
    );
    return new Map(
      rows.map((row) => [
        row.claimed,
        row.personal_number === null ? null : { record: recordOf(row), streamVersion: row.stream_version },
      ]),
    );
  }

  /** The lines on which this import first had these personal numbers. */
  async claimedLines(tx: Queryable, personalNumbers: readonly string[]): Promise<Map<string, number>> {
    const rows: { personal_number: string; line: number }[] = await tx.query(
      'select personal_number, line from civil_registry_import_claims where personal_number = any($1::text[])',
      [personalNumbers],
    );
    return new Map(rows.map((row) => [row.personal_number, row.line]));
  }

  /** Forgets the previous import's claims; only under the import lock. */
  async resetImportClaims(manager: Queryable): Promise<void> {
    await manager.query('truncate civil_registry_import_claims');
  }

  /** Citizens of the registry the import claimed no row for, in personal-number order. */
  async unclaimedPage(manager: Queryable, after: string, limit: number): Promise<string[]> {
    const rows: { personal_number: string }[] = await manager.query(
      `select c.personal_number from citizens c
        where c.personal_number > $1
          and not exists (select 1 from civil_registry_import_claims s where s.personal_number = c.personal_number)
        order by c.personal_number limit $2`,
      [after, limit],
    );
    return rows.map((row) => row.personal_number);
  }

  async countUnclaimed(manager: Queryable): Promise<number> {
    const [row] = (await manager.query(
      `select count(*)::int as missing from citizens c
        where not exists (select 1 from civil_registry_import_claims s where s.personal_number = c.personal_number)`,
    )) as { missing: number }[];
    return row?.missing ?? 0;
  }

  async find(personalNumber: string, manager?: EntityManager): Promise<CitizenRecord | null> {
    const rows: CitizenRow[] = await (manager ?? this.dataSource).query(
      `select ${CITIZEN_COLUMNS} from citizens where personal_number = $1`,
      [personalNumber],
    );
    return rows[0] ? recordOf(rows[0]) : null;
  }

  /** The next page of citizens in personal-number order: the registry is read in pages, never whole. */
  async pageAfter(after: string, limit: number, manager?: EntityManager): Promise<CitizenRecord[]> {
    const rows: CitizenRow[] = await (manager ?? this.dataSource).query(
      `select ${CITIZEN_COLUMNS} from citizens where personal_number > $1 order by personal_number limit $2`,
      [after, limit],
    );
    return rows.map(recordOf);
  }

  async save(tx: Queryable, citizens: readonly StoredCitizen[]): Promise<void> {
    if (citizens.length === 0) return;
    const records = citizens.map((citizen) => citizen.record);
    await tx.query(
      `insert into citizens (personal_number, surname, given_name, patronymic, birth_date, sex, residence_precinct_id,
                             declared_incapable, in_custody, registered_disability, stream_version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[],
                            $8::boolean[], $9::boolean[], $10::boolean[], $11::int[])
       on conflict (personal_number) do update set
         surname = excluded.surname, given_name = excluded.given_name, patronymic = excluded.patronymic,
         residence_precinct_id = excluded.residence_precinct_id, declared_incapable = excluded.declared_incapable,
         in_custody = excluded.in_custody, registered_disability = excluded.registered_disability,
         stream_version = excluded.stream_version`,
      [
        records.map((record) => record.personalNumber),
        records.map((record) => record.surname),
        records.map((record) => record.givenName),
        records.map((record) => record.patronymic),
        records.map((record) => record.birthDate),
        records.map((record) => record.sex),
        records.map((record) => record.residencePrecinctId),
        records.map((record) => record.declaredIncapable),
        records.map((record) => record.inCustody),
        records.map((record) => record.registeredDisability),
        citizens.map((citizen) => citizen.streamVersion),
      ],
    );
  }
}

function recordOf(row: CitizenRow): CitizenRecord {
  return {
    personalNumber: row.personal_number,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    residencePrecinctId: row.residence_precinct_id,
    declaredIncapable: row.declared_incapable,
    inCustody: row.in_custody,
    registeredDisability: row.registered_disability,
  };
}
