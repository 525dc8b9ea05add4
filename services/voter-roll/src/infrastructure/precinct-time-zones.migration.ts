import { HOME_TIME_ZONE } from '@vl/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PrecinctRegistered v2: each precinct's own zone; precincts imported before kept the home country's hours. */
export class PrecinctTimeZones1763860000220 implements MigrationInterface {
  name = 'PrecinctTimeZones1763860000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `alter table precincts add column time_zone text not null default '${HOME_TIME_ZONE}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table precincts drop column time_zone');
  }
}
