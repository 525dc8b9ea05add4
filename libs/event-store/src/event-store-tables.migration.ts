import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's event log. `position` is assigned at insert and `tx_id` is the writing transaction:
 * log order is (tx_id, position), read only below the oldest running transaction (pg_snapshot_xmin),
 * so an event whose transaction commits late can never be skipped by a reader.
 */
export class EventStoreTables1763860000000 implements MigrationInterface {
  name = 'EventStoreTables1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table events (
        position bigint generated always as identity primary key,
        tx_id xid8 not null default pg_current_xact_id(),
        event_id uuid not null unique,
        stream_id text not null,
        stream_version integer not null check (stream_version > 0),
        type text not null,
        schema_version integer not null,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null,
        correlation_id uuid not null,
        causation_id uuid,
        partition_key text not null,
        payload jsonb not null,
        unique (stream_id, stream_version)
      )`);
    await queryRunner.query('create index events_log_order on events (tx_id, position)');
    // corrections are new events: the log refuses updates and deletes
    await queryRunner.query(`
      create function events_are_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the event log is append-only: % refused', tg_op; end $$`);
    await queryRunner.query(`
      create trigger events_append_only before update or delete on events
      for each row execute function events_are_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table events');
    await queryRunner.query('drop function events_are_append_only');
  }
}
