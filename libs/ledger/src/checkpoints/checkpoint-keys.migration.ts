import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every key that ever signed a checkpoint: auditors verify old checkpoints after the key changed. */
export class CheckpointKeys1763860000003 implements MigrationInterface {
  name = 'CheckpointKeys1763860000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table checkpoint_keys (
        key_id text primary key,
        public_key jsonb not null,
        first_signed_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table checkpoint_keys');
  }
}
