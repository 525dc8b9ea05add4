import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registries' facts as excuses recorded them (BorderCrossingRecorded, DutyPeriodRecorded, DisasterDeclared):
 * projections written in the transaction of their events, read a page of absent voters at a time.
 */
export class RegistryFacts1763860003100 implements MigrationInterface {
  name = 'RegistryFacts1763860003100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table border_crossings (
        event_id uuid primary key,
        personal_number text not null,
        direction text not null check (direction in ('exit', 'entry')),
        at timestamptz not null,
        crossing_point text not null,
        recorded_by_subject text not null,
        recorded_by_role text not null
      )`);
    await queryRunner.query(
      'create index border_crossings_by_person on border_crossings (personal_number, at)',
    );
    await queryRunner.query(`
      create table duty_periods (
        event_id uuid primary key,
        personal_number text not null,
        category text not null,
        period_from timestamptz not null,
        period_to timestamptz not null check (period_to > period_from),
        submitted_by_subject text not null,
        submitted_by_role text not null
      )`);
    await queryRunner.query(
      'create index duty_periods_by_person on duty_periods (personal_number, period_from)',
    );
    await queryRunner.query(`
      create table disaster_declarations (
        event_id uuid primary key,
        decision_number text not null unique,
        period_from timestamptz not null,
        period_to timestamptz not null check (period_to > period_from),
        declared_by_subject text not null,
        declared_by_role text not null
      )`);
    await queryRunner.query(`
      create table disaster_declaration_precincts (
        precinct_id text not null,
        event_id uuid not null references disaster_declarations (event_id),
        primary key (precinct_id, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table disaster_declaration_precincts');
    await queryRunner.query('drop table disaster_declarations');
    await queryRunner.query('drop table duty_periods');
    await queryRunner.query('drop table border_crossings');
  }
}
