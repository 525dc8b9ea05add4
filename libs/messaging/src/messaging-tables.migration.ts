import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Relay positions (outbox), processed event ids (inbox) and parked messages (sequenced dead-letter). */
export class MessagingTables1763860000001 implements MigrationInterface {
  name = 'MessagingTables1763860000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table relay_positions (
        relay text primary key,
        tx_id xid8 not null,
        position bigint not null,
        published bigint not null default 0,
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table inbox (
        consumer_group text not null,
        event_id uuid not null,
        topic text not null,
        partition integer not null,
        message_offset bigint not null,
        processed_at timestamptz not null default now(),
        primary key (consumer_group, event_id)
      )`);
    await queryRunner.query(`
      create table parked_messages (
        id bigint generated always as identity primary key,
        consumer_group text not null,
        topic text not null,
        partition integer not null,
        message_offset bigint not null,
        message_key text,
        event_id uuid,
        message_value text not null,
        reason text not null,
        status text not null default 'parked' check (status in ('parked', 'retried', 'skipped')),
        parked_at timestamptz not null default now(),
        resolved_at timestamptz,
        resolved_by text,
        unique (consumer_group, topic, partition, message_offset)
      )`);
    await queryRunner.query(
      `create index parked_messages_open on parked_messages (consumer_group, message_key, id) where status = 'parked'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table parked_messages');
    await queryRunner.query('drop table inbox');
    await queryRunner.query('drop table relay_positions');
  }
}
