import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Turnout's projection of ElectionCalled: disposable, rebuilt from voter-roll's topic. */
export class ScheduledElections1763860000100 implements MigrationInterface {
  name = 'ScheduledElections1763860000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table scheduled_elections (
        election_id uuid primary key,
        kind text not null,
        title text not null,
        election_date date not null,
        time_zone text not null,
        polls_open_at text not null,
        polls_close_at text not null,
        source_event_id uuid not null
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table scheduled_elections');
  }
}
