import { Injectable } from '@nestjs/common';
import type {
  AbsenteeCertificateIssuedPayload,
  VoterIncludedOnPollingDayPayload,
  VoterListedPayload,
  VoterListFinalizedPayload,
} from '@vl/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { unlisted, type AbsenteeTransfer, type VoterPlacement } from '../domain/voter-placement';

export interface PlacementRow {
  election_id: string;
  personal_number: string;
  listed_at: string[];
  certificates: AbsenteeTransfer[];
  included_at: string[];
}

/**
 * The roll's columns for the voter `q.personal_number` of the election `q.election_id` (uuid): three index probes,
 * so other queries can read placements in the same round trip as whatever else they need.
 */
export const PLACEMENT_COLUMNS = `
  array(select r.precinct_id from electoral_roll r
         where r.election_id = q.election_id and r.personal_number = q.personal_number
         order by r.precinct_id) as listed_at,
  coalesce((select json_agg(json_build_object('serial', a.serial, 'homePrecinctId', a.home_precinct_id,
                                              'votingPrecinctId', a.voting_precinct_id) order by a.serial)
              from absentee_transfers a
             where a.election_id = q.election_id and a.personal_number = q.personal_number), '[]') as certificates,
  array(select i.precinct_id from polling_day_inclusions i
         where i.election_id = q.election_id and i.personal_number = q.personal_number
         order by i.precinct_id) as included_at`;

export function placementOf(row: Omit<PlacementRow, 'election_id' | 'personal_number'>): VoterPlacement {
  return row.listed_at.length + row.certificates.length + row.included_at.length === 0
    ? unlisted
    : { listedAt: row.listed_at, absenteeCertificates: row.certificates, includedAt: row.included_at };
}

/**
 * The electoral roll per election as turnout needs it at the desk: the finalized lists, absentee transfers and
 * polling-day inclusions. Inserts never overwrite, so the rows do not depend on the order the facts arrive in.
 */
@Injectable()
export class ElectoralRollRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordListed(tx: EntityManager, voter: VoterListedPayload, sourceEventId: string): Promise<void> {
    await tx.query(
      `insert into electoral_roll (election_id, personal_number, precinct_id, source_event_id)
       values ($1, $2, $3, $4) on conflict do nothing`,
      [voter.electionId, voter.personalNumber, voter.precinctId, sourceEventId],
    );
  }

  async recordFinalized(
    tx: EntityManager,
    list: VoterListFinalizedPayload,
    sourceEventId: string,
  ): Promise<void> {
    await tx.query(
      `insert into voter_list_finalizations (election_id, precinct_id, voter_count, merkle_root, source_event_id)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [list.electionId, list.precinctId, list.voterCount, list.merkleRoot, sourceEventId],
    );
  }

  async recordTransfer(
    tx: EntityManager,
    certificate: AbsenteeCertificateIssuedPayload,
    sourceEventId: string,
  ): Promise<void> {
    await tx.query(
      `insert into absentee_transfers (election_id, personal_number, serial, home_precinct_id, voting_precinct_id, source_event_id)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [
        certificate.electionId,
        certificate.personalNumber,
        certificate.serial,
        certificate.homePrecinctId,
        certificate.votingPrecinctId,
        sourceEventId,
      ],
    );
  }

  async recordInclusion(
    tx: EntityManager,
    inclusion: VoterIncludedOnPollingDayPayload,
    sourceEventId: string,
  ): Promise<void> {
    await tx.query(
      `insert into polling_day_inclusions (election_id, personal_number, precinct_id, address_reference, source_event_id)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [
        inclusion.electionId,
        inclusion.personalNumber,
        inclusion.precinctId,
        inclusion.addressReference,
        sourceEventId,
      ],
    );
  }

  /** Where the roll puts each of these voters, in one indexed query whatever their number. */
  async placementsOf(
    electionId: string,
    personalNumbers: readonly string[],
  ): Promise<ReadonlyMap<string, VoterPlacement>> {
    const unique = [...new Set(personalNumbers)];
    const rows: PlacementRow[] = await this.dataSource.query(
      `select q.election_id::text, q.personal_number, ${PLACEMENT_COLUMNS}
         from unnest($1::uuid[], $2::text[]) as q(election_id, personal_number)`,
      [unique.map(() => electionId), unique],
    );
    return new Map(rows.map((row) => [row.personal_number, placementOf(row)]));
  }
}
