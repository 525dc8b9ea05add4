import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Turnout's projections of its own topics (check-ins, polls, integrity alerts): disposable, rebuilt from the
 * topics. Counters are sums, so different voters' events applied in any interleaving give the same rows.
 */
export class TurnoutProjections1763860000310 implements MigrationInterface {
  name = 'TurnoutProjections1763860000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    // the standing check-in of each voter: a revocation finds the bucket it has to take back
    await queryRunner.query(`
      create table standing_check_ins (
        election_id uuid not null,
        personal_number text not null,
        precinct_id text not null,
        method text not null,
        quarter_at timestamptz not null,
        checked_in_at timestamptz not null,
        source_event_id uuid not null,
        primary key (election_id, personal_number)
      )`);
    // quarter hours in UTC: every time zone's offset is a whole number of quarters, so local hours are sums of them
    await queryRunner.query(`
      create table turnout_counts (
        election_id uuid not null,
        precinct_id text not null,
        quarter_at timestamptz not null,
        method text not null,
        check_ins integer not null,
        primary key (election_id, precinct_id, quarter_at, method)
      )`);
    // check-ins processed per minute, revoked or not: what a station physically did
    await queryRunner.query(`
      create table check_in_minutes (
        election_id uuid not null,
        precinct_id text not null,
        minute_at timestamptz not null,
        check_ins integer not null,
        primary key (election_id, precinct_id, minute_at)
      )`);
    await queryRunner.query(`
      create table precinct_polls (
        election_id uuid not null,
        precinct_id text not null,
        opened_at timestamptz,
        closed_at timestamptz,
        primary key (election_id, precinct_id)
      )`);
    await queryRunner.query(`
      create table integrity_alerts (
        alert_id uuid primary key,
        election_id uuid not null,
        precinct_id text not null,
        signal text not null,
        observed_at timestamptz not null,
        summary text not null,
        evidence jsonb not null
      )`);
    await queryRunner.query(
      'create index integrity_alerts_by_election on integrity_alerts (election_id, observed_at, precinct_id)',
    );
    // the register of a precinct subtracts the certificates that send its voters elsewhere
    await queryRunner.query(
      'create index absentee_transfers_by_home_precinct on absentee_transfers (election_id, home_precinct_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index absentee_transfers_by_home_precinct');
    for (const table of [
      'integrity_alerts',
      'precinct_polls',
      'check_in_minutes',
      'turnout_counts',
      'standing_check_ins',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
