import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** When each precinct's polls opened and closed, for the open data; one precinct's polls arrive in order. */
@Injectable()
export class PrecinctPollsRepository {
  async recordOpened(
    tx: EntityManager,
    electionId: string,
    precinctId: string,
    openedAt: string,
  ): Promise<void> {
    await tx.query(
      `insert into precinct_polls (election_id, precinct_id, opened_at) values ($1, $2, $3)
       on conflict (election_id, precinct_id) do update set opened_at = excluded.opened_at`,
      [electionId, precinctId, openedAt],
    );
  }

  async recordClosed(
    tx: EntityManager,
    electionId: string,
    precinctId: string,
    closedAt: string,
  ): Promise<void> {
    await tx.query(
      `insert into precinct_polls (election_id, precinct_id, closed_at) values ($1, $2, $3)
       on conflict (election_id, precinct_id) do update set closed_at = excluded.closed_at`,
      [electionId, precinctId, closedAt],
    );
  }
}
