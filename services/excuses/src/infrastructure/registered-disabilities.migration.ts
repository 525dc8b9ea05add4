import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Excuses' projection of voter-roll's RegisteredDisabilityRecorded: disposable, rebuilt from the topic. */
export class RegisteredDisabilities1763860003050 implements MigrationInterface {
  name = 'RegisteredDisabilities1763860003050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table registered_disabilities (
        personal_number text primary key,
        registered_disability boolean not null,
        event_id uuid
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table registered_disabilities');
  }
}
