import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voter-roll's read models, each kept in the transaction that appends the events it reflects: the registry
 * (precincts, commissions, citizens) and per-election voter lists. Personal numbers sort as bytes ("C").
 */
export class VoterRollReadModels1763860000200 implements MigrationInterface {
  name = 'VoterRollReadModels1763860000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table precincts (
        precinct_id text collate "C" primary key,
        region_code text not null,
        region_name text not null,
        district_code text not null,
        district_name text not null,
        abroad boolean not null,
        country text not null,
        address text not null,
        stream_version integer not null
      )`);
    await queryRunner.query('create index precincts_by_region on precincts (region_code, precinct_id)');
    await queryRunner.query(`
      create table commission_members (
        precinct_id text collate "C" not null,
        personal_number text collate "C" not null,
        position text not null,
        primary key (precinct_id, personal_number)
      )`);
    await queryRunner.query(`
      create table citizens (
        personal_number text collate "C" primary key,
        surname text not null,
        given_name text not null,
        patronymic text not null,
        birth_date date not null,
        sex text not null,
        residence_precinct_id text collate "C" not null,
        declared_incapable boolean not null,
        in_custody boolean not null,
        registered_disability boolean not null,
        stream_version integer not null
      )`);
    // the personal numbers the running civil-registry import has claimed (one import at a time; not durable)
    await queryRunner.query(`
      create unlogged table civil_registry_import_claims (
        personal_number text collate "C" primary key,
        line integer not null
      )`);
    // raised by every import that changed a citizen or a precinct: a compiled list knows what it was built from
    await queryRunner.query(`
      create table registry_revision (
        singleton boolean primary key default true check (singleton),
        revision bigint not null
      )`);
    await queryRunner.query('insert into registry_revision (revision) values (0)');
    await this.voterLists(queryRunner);
    await this.accessLog(queryRunner);
  }

  private async voterLists(queryRunner: QueryRunner): Promise<void> {
    // a compilation is working state, reproducible from the registry and the election date; finalization is the record
    await queryRunner.query(`
      create table voter_list_compilations (
        election_id uuid primary key,
        stage text not null check (stage in ('compiling', 'compiled', 'finalizing', 'finalized')),
        registry_revision bigint not null,
        voter_count integer,
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table voter_list_drafts (
        election_id uuid not null,
        precinct_id text collate "C" not null,
        personal_number text collate "C" not null,
        primary key (election_id, precinct_id, personal_number)
      )`);
    await queryRunner.query(`
      create table voter_lists (
        election_id uuid not null,
        precinct_id text collate "C" not null,
        voter_count integer not null,
        merkle_root text not null,
        primary key (election_id, precinct_id)
      )`);
    // one row per voter and election, nationally: the primary key is the check against being on two lists
    await queryRunner.query(`
      create table voter_list_entries (
        election_id uuid not null,
        personal_number text collate "C" not null,
        precinct_id text collate "C" not null,
        listed_by text not null check (listed_by in ('finalized-list', 'polling-day-inclusion')),
        address_reference text,
        absentee_serial text,
        voting_precinct_id text collate "C",
        listing_version integer not null default 0,
        primary key (election_id, personal_number)
      )`);
    await queryRunner.query(
      'create index voter_list_entries_by_precinct on voter_list_entries (election_id, precinct_id, personal_number)',
    );
    await queryRunner.query(`
      create index voter_list_entries_by_voting_precinct on voter_list_entries (election_id, voting_precinct_id, personal_number)
        where voting_precinct_id is not null`);
    await queryRunner.query(`
      create table absentee_certificates (
        election_id uuid not null,
        serial text not null,
        personal_number text collate "C" not null,
        primary key (election_id, serial)
      )`);
  }

  // ARCHITECTURE invariant 7: every read of one person's participation is recorded and shown to that person
  private async accessLog(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table access_log (
        id bigint generated always as identity primary key,
        accessed_at timestamptz not null default now(),
        subject text not null,
        roles text[] not null,
        purpose text not null,
        personal_number text collate "C" not null,
        election_id uuid,
        precinct_id text collate "C",
        found boolean not null
      )`);
    await queryRunner.query('create index access_log_by_person on access_log (personal_number, accessed_at)');
    await queryRunner.query(`
      create function access_log_is_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the access log is append-only: % refused', tg_op; end $$`);
    await queryRunner.query(`
      create trigger access_log_append_only before update or delete on access_log
      for each row execute function access_log_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'access_log',
      'absentee_certificates',
      'voter_list_entries',
      'voter_lists',
      'voter_list_drafts',
      'voter_list_compilations',
      'registry_revision',
      'civil_registry_import_claims',
      'citizens',
      'commission_members',
      'precincts',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
    await queryRunner.query('drop function access_log_is_append_only');
  }
}
