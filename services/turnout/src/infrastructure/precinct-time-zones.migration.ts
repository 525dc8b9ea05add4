import { HOME_TIME_ZONE } from '@vl/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PrecinctRegistered v2: each precinct's zone, in which it keeps the election's hours. */
export class PrecinctTimeZones1763860000320 implements MigrationInterface {
  name = 'PrecinctTimeZones1763860000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    // rows projected before it came from v1 events, which upcast to the home country's zone
    await queryRunner.query(
      `alter table precincts add column time_zone text not null default '${HOME_TIME_ZONE}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table precincts drop column time_zone');
  }
}
