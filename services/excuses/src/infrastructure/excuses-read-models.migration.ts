import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excuses' read models: every absence with its outcome (kept in the transaction that appends its events), and the
 * precincts it learns from voter-roll (zone for the polling hours, district and region for scopes and figures).
 */
export class ExcusesReadModels1765000002000 implements MigrationInterface {
  name = 'ExcusesReadModels1765000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table precincts (
        precinct_id text primary key,
        district_code text not null,
        region_code text not null,
        time_zone text not null,
        source_event_id uuid not null
      )`);
    await queryRunner.query(`
      create table absences (
        absence_id uuid primary key,
        election_id uuid not null,
        personal_number text not null,
        precinct_id text not null,
        election_date date not null,
        status text not null check (status in ('open', 'excused', 'unexcused')),
        category text,
        basis text,
        closes_at timestamptz,
        stream_version integer not null
      )`);
    await queryRunner.query(
      'create unique index absences_by_voter on absences (election_id, personal_number)',
    );
    await queryRunner.query('create index absences_by_person on absences (personal_number)');
    // the close pages through an election's open absences in id order
    await queryRunner.query(
      "create index absences_open on absences (election_id, absence_id) where status = 'open'",
    );
    await queryRunner.query('create index absences_by_precinct on absences (election_id, precinct_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table absences');
    await queryRunner.query('drop table precincts');
  }
}
