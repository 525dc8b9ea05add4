import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  evolveParticipation,
  participationOpen,
  participationStreamId,
  type Participation,
  type ParticipationFigures,
  type PrecinctPolls,
} from '../domain/participation';
import { evolvePolls, pollsNotOpened, type Polls } from '../domain/polls';
import { readStoredEvent, STORED_EVENT_COLUMNS, type StoredEventRow } from './stored-events';
import { checkInStreamPrefix, streamIdRange } from './stream-id-range';

type PollsRow = StoredEventRow & { precinct_id: string };

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
    const rows: StoredEventRow[] = await this.dataSource.query(
      `select ${STORED_EVENT_COLUMNS} from events e
        where e.stream_id = any($1::text[]) and e.type = 'ParticipationFinalized'`,
      [electionIds.map(participationStreamId)],
    );
    return new Map(finalizedOf(rows).map(({ electionId, participation }) => [electionId, participation]));
  }

  /** Elections whose participation is final, found by their stream ids (the log has no index by type). */
  async finalizedElections(): Promise<Participation[]> {
    const { from, below } = streamIdRange('participation-');
    const rows: StoredEventRow[] = await this.dataSource.query(
      `select ${STORED_EVENT_COLUMNS} from events e
        where e.stream_id >= $1 and e.stream_id < $2 and e.type = 'ParticipationFinalized'
        order by e.stream_id`,
      [from, below],
    );
    return finalizedOf(rows).map(({ participation }) => participation);
  }

  /** Every known precinct's polls in this election, one index probe per precinct. */
  async pollsOf(electionId: string): Promise<PrecinctPolls[]> {
    const rows: PollsRow[] = await this.dataSource.query(
      `select p.precinct_id, ${STORED_EVENT_COLUMNS}
         from precincts p
         join events e on e.stream_id = 'polls-' || $1::text || '-' || p.precinct_id
        order by p.precinct_id, e.stream_version`,
      [electionId],
    );
    const polls = new Map<string, Polls>();
    for (const row of rows) {
      const event = readStoredEvent(row);
      if (event.type !== 'PollsOpened' && event.type !== 'PollsClosed') continue;
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

function finalizedOf(
  rows: readonly StoredEventRow[],
): { electionId: string; participation: Participation }[] {
  return rows.flatMap((row) => {
    const event = readStoredEvent(row);
    return event.type === 'ParticipationFinalized'
      ? [
          {
            electionId: event.payload.electionId,
            participation: evolveParticipation(participationOpen, event),
          },
        ]
      : [];
  });
}
