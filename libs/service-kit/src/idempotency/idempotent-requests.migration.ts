import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first answer to each idempotency key, in the service's own schema: a retry of the same request gets it back
 * and appends nothing. `status` is null while the first request is still being answered.
 */
export class IdempotentRequests1763860001000 implements MigrationInterface {
  name = 'IdempotentRequests1763860001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table idempotent_requests (
        idempotency_key text primary key,
        request_hash text not null,
        route text not null,
        status integer,
        body jsonb,
        received_at timestamptz not null default now(),
        answered_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table idempotent_requests');
  }
}
