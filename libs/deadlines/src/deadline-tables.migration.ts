import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines of the service: one row per (kind, key), fired once when the service's clock passes due_at. */
export class DeadlineTables1763860000040 implements MigrationInterface {
  name = 'DeadlineTables1763860000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table deadlines (
        id bigint generated always as identity primary key,
        kind text not null,
        key text not null,
        due_at timestamptz not null,
        payload jsonb not null,
        scheduled_at timestamptz not null default now(),
        fired_at timestamptz,
        fired_on_clock_at timestamptz,
        attempts integer not null default 0,
        last_error text,
        retry_after timestamptz,
        unique (kind, key)
      )`);
    // the runner reads only what is still to fire, in due order
    await queryRunner.query(
      `create index deadlines_pending on deadlines (due_at, id) where fired_at is null`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table deadlines');
  }
}

/** The migrations a service adds to its own to keep deadlines. */
export const DEADLINE_MIGRATIONS = [DeadlineTables1763860000040];
