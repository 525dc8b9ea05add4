import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One person-level read: who (subject and roles), what for, when (now), about whom, and whether found. */
export interface PersonRead {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly purpose: 'poll-book look-up' | 'poll-book page';
  readonly personalNumber: string;
  readonly electionId: string;
  readonly precinctId: string;
  readonly found: boolean;
}

/** ARCHITECTURE invariant 7: every read of one person's participation is recorded; the citizen sees it later. */
@Injectable()
export class AccessLogRepository {
  async record(tx: Pick<EntityManager, 'query'>, reads: readonly PersonRead[]): Promise<void> {
    if (reads.length === 0) return;
    await tx.query(
      `insert into access_log (subject, roles, purpose, personal_number, election_id, precinct_id, found)
       select subject, string_to_array(roles, ' '), purpose, personal_number, election_id, precinct_id, found
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::boolean[])
           as r(subject, roles, purpose, personal_number, election_id, precinct_id, found)`,
      [
        reads.map((read) => read.subject),
        reads.map((read) => read.roles.join(' ')),
        reads.map((read) => read.purpose),
        reads.map((read) => read.personalNumber),
        reads.map((read) => read.electionId),
        reads.map((read) => read.precinctId),
        reads.map((read) => read.found),
      ],
    );
  }
}
