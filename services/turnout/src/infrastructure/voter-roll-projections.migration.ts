import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Turnout's projections of voter-roll's precincts and voter lists: disposable, rebuilt from the topics.
 * One table per fact, each keyed so that applying the facts in any order gives the same rows.
 */
export class VoterRollProjections1763860000200 implements MigrationInterface {
  name = 'VoterRollProjections1763860000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table precincts (
        precinct_id text primary key,
        region_code text not null,
        region_name text not null,
        district_code text not null,
        district_name text not null,
        abroad boolean not null,
        country text not null,
        address text not null,
        source_event_id uuid not null
      )`);
    await queryRunner.query('create index precincts_by_district on precincts (region_code, district_code)');
    // the finalized lists: who may check in where, and each precinct's voter count for turnout figures
    await queryRunner.query(`
      create table electoral_roll (
        election_id uuid not null,
        personal_number text not null,
        precinct_id text not null,
        source_event_id uuid not null,
        primary key (election_id, personal_number, precinct_id)
      )`);
    await queryRunner.query(
      'create index electoral_roll_by_precinct on electoral_roll (election_id, precinct_id)',
    );
    await queryRunner.query(`
      create table voter_list_finalizations (
        election_id uuid not null,
        precinct_id text not null,
        voter_count integer not null,
        merkle_root text not null,
        source_event_id uuid not null,
        primary key (election_id, precinct_id)
      )`);
    await queryRunner.query(`
      create table absentee_transfers (
        election_id uuid not null,
        personal_number text not null,
        serial text not null,
        home_precinct_id text not null,
        voting_precinct_id text not null,
        source_event_id uuid not null,
        primary key (election_id, personal_number, serial)
      )`);
    await queryRunner.query(
      'create index absentee_transfers_by_voting_precinct on absentee_transfers (election_id, voting_precinct_id)',
    );
    await queryRunner.query(`
      create table polling_day_inclusions (
        election_id uuid not null,
        personal_number text not null,
        precinct_id text not null,
        address_reference text not null,
        source_event_id uuid not null,
        primary key (election_id, personal_number, precinct_id)
      )`);
    await queryRunner.query(
      'create index polling_day_inclusions_by_precinct on polling_day_inclusions (election_id, precinct_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'polling_day_inclusions',
      'absentee_transfers',
      'voter_list_finalizations',
      'electoral_roll',
      'precincts',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
