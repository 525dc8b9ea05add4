import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The election's polling hours: excuses reads registry facts against each precinct's hours on election day. */
export class ElectionsPollingHours1765000001000 implements MigrationInterface {
  name = 'ElectionsPollingHours1765000001000';

  // an election recorded before the columns existed was called with the statutory hours (none other were in use)
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table elections
        add column polls_open_at text not null default '07:00',
        add column polls_close_at text not null default '20:00'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table elections drop column polls_open_at, drop column polls_close_at');
  }
}
