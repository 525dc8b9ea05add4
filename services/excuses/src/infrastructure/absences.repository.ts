import { Injectable } from '@nestjs/common';
import type { ExcuseBasis } from '@vl/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecordedCase } from '../domain/absence-case';

export interface AbsenceRow {
  readonly absenceId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly electionDate: string;
}

const categoryOf = (basis: ExcuseBasis | null | undefined) =>
  basis && 'category' in basis ? basis.category : null;

/** Each absence's current outcome, written in the transaction that appends its events: what queries and pages read. */
@Injectable()
export class AbsencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async project(
    tx: EntityManager,
    cases: readonly { state: RecordedCase; version: number }[],
  ): Promise<void> {
    if (cases.length === 0) return;
    const basisOf = (state: RecordedCase) => (state.status === 'excused' ? state.basis : null);
    await tx.query(
      `insert into absences (absence_id, election_id, personal_number, precinct_id, election_date, status, category,
                             basis, closes_at, stream_version)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[],
                            $8::text[], $9::timestamptz[], $10::int[])
       on conflict (absence_id) do update
         set status = excluded.status, category = excluded.category, basis = excluded.basis,
             closes_at = excluded.closes_at, stream_version = excluded.stream_version`,
      [
        cases.map(({ state }) => state.absence.absenceId),
        cases.map(({ state }) => state.absence.electionId),
        cases.map(({ state }) => state.absence.personalNumber),
        cases.map(({ state }) => state.absence.precinctId),
        cases.map(({ state }) => state.absence.electionDate),
        cases.map(({ state }) => state.status),
        cases.map(({ state }) => categoryOf(basisOf(state))),
        cases.map(({ state }) => basisOf(state)?.kind ?? null),
        cases.map(({ state }) => state.window?.closesAt ?? null),
        cases.map(({ version }) => version),
      ],
    );
  }

  /** Of these absences, those recorded already (their stream exists). */
  async existing(tx: EntityManager, absenceIds: readonly string[]): Promise<Set<string>> {
    const rows: { absence_id: string }[] = await tx.query(
      'select absence_id from absences where absence_id = any($1::uuid[])',
      [absenceIds],
    );
    return new Set(rows.map((row) => row.absence_id));
  }

  /** The next page of an election's open absences after an id, in id order: the window's close walks them. */
  async openAfter(
    tx: EntityManager,
    electionId: string,
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows: { absence_id: string }[] = await tx.query(
      `select absence_id from absences
        where election_id = $1 and status = 'open' and absence_id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')
        order by absence_id limit $3`,
      [electionId, after, limit],
    );
    return rows.map((row) => row.absence_id);
  }

  /** Absences a late registry fact may still excuse: open or unexcused, of these persons or at these precincts. */
  async notExcusedOf(
    tx: EntityManager,
    personalNumbers: readonly string[],
    precinctIds: readonly string[],
  ): Promise<AbsenceRow[]> {
    const rows: {
      absence_id: string;
      election_id: string;
      personal_number: string;
      precinct_id: string;
      election_date: string;
    }[] = await tx.query(
      `select absence_id, election_id, personal_number, precinct_id, to_char(election_date, 'YYYY-MM-DD') as election_date
         from absences
        where status <> 'excused' and (personal_number = any($1::text[]) or precinct_id = any($2::text[]))`,
      [personalNumbers, precinctIds],
    );
    return rows.map((row) => ({
      absenceId: row.absence_id,
      electionId: row.election_id,
      personalNumber: row.personal_number,
      precinctId: row.precinct_id,
      electionDate: row.election_date,
    }));
  }

  async find(
    electionId: string,
    personalNumber: string,
    manager?: EntityManager,
  ): Promise<AbsenceRow | undefined> {
    const rows: { absence_id: string; precinct_id: string; election_date: string }[] = await (
      manager ?? this.dataSource
    ).query(
      `select absence_id, precinct_id, to_char(election_date, 'YYYY-MM-DD') as election_date
         from absences where election_id = $1 and personal_number = $2`,
      [electionId, personalNumber],
    );
    const row = rows[0];
    return row
      ? {
          absenceId: row.absence_id,
          electionId,
          personalNumber,
          precinctId: row.precinct_id,
          electionDate: row.election_date,
        }
      : undefined;
  }
}
