import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the service's Merkle tree over its log stands, and every checkpoint it signed. */
export class CheckpointTables1763860000002 implements MigrationInterface {
  name = 'CheckpointTables1763860000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table log_tree (
        singleton boolean primary key default true check (singleton),
        tree_size bigint not null,
        tx_id xid8 not null,
        position bigint not null,
        frontier jsonb not null
      )`);
    await queryRunner.query(`
      create table checkpoints (
        tree_size bigint primary key,
        origin text not null,
        root_hash text not null,
        key_id text not null,
        signature text not null,
        signed_at timestamptz not null default now(),
        published_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table checkpoints');
    await queryRunner.query('drop table log_tree');
  }
}
