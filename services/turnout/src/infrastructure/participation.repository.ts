import { Injectable } from '@nestjs/common';
import type { ParticipationFinalized } from '@vl/contracts';
import { DataSource } from 'typeorm';
import {
  evolveParticipation,
  participationOpen,
  participationStreamId,
  type Participation,
  type ParticipationFigures,
  type PrecinctPolls,
} from '../domain/participation';
import { evolvePolls, pollsNotOpened, type Polls, type PollsEvent } from '../domain/polls';
import { checkInStreamPrefix, streamIdRange } from './stream-id-range';

interface PollsRow {
  precinct_id: string;
  type: PollsEvent['type'];
  payload: PollsEvent['payload'];
}

/**
 * What finalizing participation reads, straight from the event log (the record, not a projection that may lag):
 * the polls of every precinct, the figures, and whether an election's participation is already final.
 */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(electionId: string): Promise<Participation> {
    return (await this.loadAll([electionId])).get(electionId) ?? participationOpen;
  }

  /** The participation of each election, in one indexed query; finalized ones only in the map. */
  async loadAll(electionIds: readonly string[]): Promise<ReadonlyMap<string, Participation>> {
    const rows: { payload: ParticipationFinalized['payload'] }[] = await this.dataSource.query(
      `select payload from events where stream_id = any($1::text[]) and type = 'ParticipationFinalized'`,
      [electionIds.map(participationStreamId)],
    );
    return new Map(
      rows.map(({ payload }) => [
        payload.electionId,
        evolveParticipation(participationOpen, { type: 'ParticipationFinalized', payload }),
      ]),
    );
  }

  /** Elections whose participation is final, found by their stream ids (the log has no index by type). */
  async finalizedElections(): Promise<Participation[]> {
    const { from, below } = streamIdRange('participation-');
    const rows: { payload: ParticipationFinalized['payload'] }[] = await this.dataSource.query(
      `select payload from events
        where stream_id >= $1 and stream_id < $2 and type = 'ParticipationFinalized'
        order by stream_id`,
      [from, below],
    );
    return rows.map(({ payload }) =>
      evolveParticipation(participationOpen, { type: 'ParticipationFinalized', payload }),
    );
  }

  /** Every known precinct's polls in this election, one index probe per precinct. */
  async pollsOf(electionId: string): Promise<PrecinctPolls[]> {
    const rows: PollsRow[] = await this.dataSource.query(
      `select p.precinct_id, e.type, e.payload
         from precincts p
         join events e on e.stream_id = 'polls-' || $1::text || '-' || p.precinct_id
        order by p.precinct_id, e.stream_version`,
      [electionId],
    );
    const polls = new Map<string, Polls>();
    for (const row of rows) {
      const event = { type: row.type, payload: row.payload } as PollsEvent;
      polls.set(row.precinct_id, evolvePolls(polls.get(row.precinct_id) ?? pollsNotOpened, event));
    }
    return [...polls.entries()].map(([precinctId, state]) => ({ precinctId, polls: state }));
  }

  /**
   * Registered: each voter on a finalized list or included on polling day, once (an absentee certificate moves a
   * voter, it adds none). Participated: voters whose check-in stream ends with VoterCheckedIn rather than
   * CheckInRevoked, read from the log in one backward scan of the check-in streams' index range.
   */
  async figures(electionId: string): Promise<ParticipationFigures> {
    const { from, below } = streamIdRange(checkInStreamPrefix(electionId));
    const [row] = (await this.dataSource.query(
      `select
         (select count(*) from voter_list_finalizations where election_id = $1)::int as precincts,
         ((select count(distinct personal_number) from electoral_roll where election_id = $1)
          + (select count(distinct i.personal_number) from polling_day_inclusions i
              where i.election_id = $1
                and not exists (select 1 from electoral_roll r
                                 where r.election_id = $1 and r.personal_number = i.personal_number)))::int as registered,
         (select count(*) from (
            select distinct on (stream_id) type from events
             where stream_id >= $2 and stream_id < $3 and type in ('VoterCheckedIn', 'CheckInRevoked')
             order by stream_id desc, stream_version desc) last
           where last.type = 'VoterCheckedIn')::int as participated`,
      [electionId, from, below],
    )) as ParticipationFigures[];
    return row as ParticipationFigures;
  }
}
