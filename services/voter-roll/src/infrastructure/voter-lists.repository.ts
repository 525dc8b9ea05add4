import { Injectable } from '@nestjs/common';
import { UniqueKeyTaken } from '@vl/event-store';
import { DataSource, type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * A concurrent transaction took a key first. Raised instead of letting the database fail the statement,
 * whose logged parameters would carry personal numbers.
 */
export class ReadModelConflict extends UniqueKeyTaken {
  override readonly name = 'ReadModelConflict';
}

/** Per-election voter lists: the compilation's working drafts and the finalized lists' read model. */
@Injectable()
export class VoterListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts a compilation afresh: the drafts of an earlier one are dropped. */
  async startCompiling(electionId: string, registryRevision: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('delete from voter_list_drafts where election_id = $1', [electionId]);
      await tx.query(
        `insert into voter_list_compilations (election_id, stage, registry_revision, voter_count, updated_at)
         values ($1, 'compiling', $2, null, now())
         on conflict (election_id) do update set stage = 'compiling', registry_revision = $2, voter_count = null, updated_at = now()`,
        [electionId, registryRevision],
      );
    });
  }

  async addDrafts(
    electionId: string,
    entries: readonly { readonly precinctId: string; readonly personalNumber: string }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource.query(
      `insert into voter_list_drafts (election_id, precinct_id, personal_number)
       select $1, * from unnest($2::text[], $3::text[])`,
      [electionId, entries.map((entry) => entry.precinctId), entries.map((entry) => entry.personalNumber)],
    );
  }

  async setStage(
    electionId: string,
    stage: 'compiled' | 'finalizing' | 'finalized',
    voterCount?: number,
  ): Promise<void> {
    await this.dataSource.query(
      `update voter_list_compilations set stage = $2, voter_count = coalesce($3, voter_count), updated_at = now()
        where election_id = $1`,
      [electionId, stage, voterCount ?? null],
    );
  }

  /** Registered precincts whose list for the election is not final yet, in code order. */
  /** The precincts of the election's territory (codes starting with `territoryPrefix`) without a final list yet. */
  async openPrecincts(electionId: string, territoryPrefix: string): Promise<string[]> {
    const rows: { precinct_id: string }[] = await this.dataSource.query(
      `select p.precinct_id from precincts p
        where starts_with(p.precinct_id, $2)
          and not exists (select 1 from voter_lists l where l.election_id = $1 and l.precinct_id = p.precinct_id)
        order by p.precinct_id`,
      [electionId, territoryPrefix],
    );
    return rows.map((row) => row.precinct_id);
  }

  async draftPage(tx: Queryable, electionId: string, precinctId: string, after: string, limit: number) {
    const rows: { personal_number: string }[] = await tx.query(
      `select personal_number from voter_list_drafts
        where election_id = $1 and precinct_id = $2 and personal_number > $3
        order by personal_number limit $4`,
      [electionId, precinctId, after, limit],
    );
    return rows.map((row) => row.personal_number);
  }

  async addListedVoters(
    tx: Queryable,
    electionId: string,
    precinctId: string,
    personalNumbers: readonly string[],
  ): Promise<void> {
    await tx.query(
      `insert into voter_list_entries (election_id, personal_number, precinct_id, listed_by)
       select $1, pin, $2, 'finalized-list' from unnest($3::text[]) as pin`,
      [electionId, precinctId, personalNumbers],
    );
  }

  async saveFinalizedList(
    tx: Queryable,
    list: { electionId: string; precinctId: string; voterCount: number; merkleRoot: string },
  ): Promise<void> {
    await tx.query(
      'insert into voter_lists (election_id, precinct_id, voter_count, merkle_root) values ($1, $2, $3, $4)',
      [list.electionId, list.precinctId, list.voterCount, list.merkleRoot],
    );
  }

  async finalizedTotals(electionId: string): Promise<{ precincts: number; voters: number }> {
    const [row] = (await this.dataSource.query(
      'select count(*)::int as precincts, coalesce(sum(voter_count), 0)::int as voters from voter_lists where election_id = $1',
      [electionId],
    )) as { precincts: number; voters: number }[];
    return row ?? { precincts: 0, voters: 0 };
  }

  async serialIssued(tx: Queryable, electionId: string, serial: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'select 1 from absentee_certificates where election_id = $1 and serial = $2',
      [electionId, serial],
    );
    return rows.length > 0;
  }

  async recordCertificate(
    tx: Queryable,
    certificate: { electionId: string; personalNumber: string; serial: string; votingPrecinctId: string },
    streamVersion: number,
  ): Promise<void> {
    const claimed: unknown[] = await tx.query(
      `insert into absentee_certificates (election_id, serial, personal_number) values ($1, $2, $3)
       on conflict do nothing returning serial`,
      [certificate.electionId, certificate.serial, certificate.personalNumber],
    );
    // another commission issued this serial a moment ago: the caller decides again and refuses it
    if (claimed.length === 0) throw new ReadModelConflict('absentee certificate serial');
    await tx.query(
      `update voter_list_entries set absentee_serial = $3, voting_precinct_id = $4, listing_version = $5
        where election_id = $1 and personal_number = $2`,
      [
        certificate.electionId,
        certificate.personalNumber,
        certificate.serial,
        certificate.votingPrecinctId,
        streamVersion,
      ],
    );
  }

  async recordInclusion(
    tx: Queryable,
    inclusion: { electionId: string; personalNumber: string; precinctId: string; addressReference: string },
    streamVersion: number,
  ): Promise<void> {
    const added: unknown[] = await tx.query(
      `insert into voter_list_entries (election_id, personal_number, precinct_id, listed_by, address_reference, listing_version)
       values ($1, $2, $3, 'polling-day-inclusion', $4, $5) on conflict do nothing returning precinct_id`,
      [
        inclusion.electionId,
        inclusion.personalNumber,
        inclusion.precinctId,
        inclusion.addressReference,
        streamVersion,
      ],
    );
    if (added.length === 0) throw new ReadModelConflict('voter list entry');
  }
}
