import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A downstream service's projection of voter-roll's ElectionCalled: disposable, rebuilt from the topic. */
export class ElectionsProjection1763860001000 implements MigrationInterface {
  name = 'ElectionsProjection1763860001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table elections (
        election_id uuid primary key,
        kind text not null,
        title text not null,
        election_date date not null,
        time_zone text not null,
        source_event_id uuid not null
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table elections');
  }
}
