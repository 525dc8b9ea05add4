import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excuse cases and claims by precinct and status, for a commission's page of open cases (projected in the
 * transaction of their events), and the files of a case's documents, kept apart from the log and never published.
 */
export class ExcuseCaseTables1763860003200 implements MigrationInterface {
  name = 'ExcuseCaseTables1763860003200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table excuse_cases (
        kind text not null check (kind in ('excuse', 'claim')),
        case_id uuid not null,
        absence_id uuid not null,
        election_id uuid not null,
        precinct_id text not null,
        personal_number text not null,
        category text,
        status text not null,
        filed_at timestamptz not null,
        primary key (kind, case_id)
      )`);
    await queryRunner.query(
      'create index excuse_cases_by_precinct on excuse_cases (election_id, precinct_id, status, case_id)',
    );
    await queryRunner.query(`
      create table excuse_documents (
        case_id uuid not null,
        sha256 text not null,
        absence_id uuid not null,
        content_type text not null,
        size integer not null,
        bytes bytea,
        uploaded_at timestamptz not null,
        deleted_at timestamptz,
        primary key (case_id, sha256),
        check ((bytes is null) = (deleted_at is not null))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table excuse_documents');
    await queryRunner.query('drop table excuse_cases');
  }
}
