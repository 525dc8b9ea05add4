import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  evolveParticipation,
  participationOpen,
  participationStreamId,
  type Participation,
} from '../domain/participation';
import { evolvePolls, pollsNotOpened, type Polls } from '../domain/polls';
import { evolveVoterCheckIn, noCheckIn, type VoterCheckInRecord } from '../domain/voter-check-in';
import type { AbsenteeTransfer, VoterPlacement } from '../domain/voter-placement';
import { PLACEMENT_COLUMNS, placementOf } from './electoral-roll.repository';
import { readStoredEvent } from './stored-events';

interface LoadedRow {
  kind: 'event' | 'placement';
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  payload: unknown;
  election_id: string;
  personal_number: string;
  listed_at: string[];
  certificates: AbsenteeTransfer[];
  included_at: string[];
}

export interface LoadedStream<TState> {
  readonly version: number;
  readonly state: TState;
}

export interface CheckInStreamsQuery {
  readonly voterStreamIds: readonly string[];
  readonly pollsStreamIds: readonly string[];
  /** the elections whose participation (open or finalized) the check-ins depend on */
  readonly electionIds: readonly string[];
  /** the asked-for check-in ids, to recognise retried or reused ones anywhere */
  readonly eventIds: readonly string[];
  /** whose placements on the roll to read as well (none on a re-read: turnout's writes never change the roll) */
  readonly placements: readonly { readonly electionId: string; readonly personalNumber: string }[];
}

export interface CheckInStreams {
  readonly voters: ReadonlyMap<string, LoadedStream<VoterCheckInRecord>>;
  readonly polls: ReadonlyMap<string, LoadedStream<Polls>>;
  /** finalized elections only: an election missing here is open */
  readonly participation: ReadonlyMap<string, Participation>;
  /** the stream each of the asked-for event ids is in, wherever it is */
  readonly streamOfEventId: ReadonlyMap<string, string>;
  /** by election, then personal number; only for the voters asked for */
  readonly placements: ReadonlyMap<string, ReadonlyMap<string, VoterPlacement>>;
}

/**
 * Everything a batch of check-ins is decided on, in one round trip: the voters' check-in streams, the precincts'
 * polls streams and the elections' participation streams straight from the event log, folded with the domain's
 * evolve (a voter's stream holds a handful of events), and the voters' placements on the roll. Each part is an
 * index probe per key (by stream, by event id, by election and personal number).
 */
@Injectable()
export class CheckInStreamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(query: CheckInStreamsQuery): Promise<CheckInStreams> {
    const participationStreams = new Map(query.electionIds.map((id) => [participationStreamId(id), id]));
    const rows: LoadedRow[] = await this.dataSource.query(
      `select 'event' as kind, e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.payload,
              null::text as election_id, null::text as personal_number,
              null::text[] as listed_at, null::json as certificates, null::text[] as included_at
         from events e
        where e.stream_id = any($1::text[]) or e.event_id = any($2::uuid[])
       union all
       select 'placement', null, null, null, null, null, null, q.election_id::text, q.personal_number, ${PLACEMENT_COLUMNS}
         from unnest($3::uuid[], $4::text[]) as q(election_id, personal_number)
        order by 2, 3`,
      [
        [...query.voterStreamIds, ...query.pollsStreamIds, ...participationStreams.keys()],
        [...query.eventIds],
        query.placements.map((voter) => voter.electionId),
        query.placements.map((voter) => voter.personalNumber),
      ],
    );
    const voterStreams = new Set(query.voterStreamIds);
    const pollsStreams = new Set(query.pollsStreamIds);
    const voters = new Map<string, LoadedStream<VoterCheckInRecord>>();
    const polls = new Map<string, LoadedStream<Polls>>();
    const participation = new Map<string, Participation>();
    const streamOfEventId = new Map<string, string>();
    const placements = new Map<string, Map<string, VoterPlacement>>();
    for (const row of rows) {
      if (row.kind === 'placement') {
        const ofElection = placements.get(row.election_id) ?? new Map<string, VoterPlacement>();
        ofElection.set(row.personal_number, placementOf(row));
        placements.set(row.election_id, ofElection);
        continue;
      }
      streamOfEventId.set(row.event_id, row.stream_id);
      const event = readStoredEvent(row);
      if (voterStreams.has(row.stream_id)) {
        if (
          event.type !== 'VoterCheckedIn' &&
          event.type !== 'CheckInRevoked' &&
          event.type !== 'DuplicateCheckInRejected'
        )
          continue;
        const loaded = voters.get(row.stream_id) ?? { version: 0, state: noCheckIn };
        voters.set(row.stream_id, {
          version: row.stream_version,
          state: evolveVoterCheckIn(loaded.state, event),
        });
      } else if (pollsStreams.has(row.stream_id)) {
        if (event.type !== 'PollsOpened' && event.type !== 'PollsClosed') continue;
        const loaded = polls.get(row.stream_id) ?? { version: 0, state: pollsNotOpened };
        polls.set(row.stream_id, { version: row.stream_version, state: evolvePolls(loaded.state, event) });
      } else if (event.type === 'ParticipationFinalized') {
        const electionId = participationStreams.get(row.stream_id);
        if (electionId !== undefined)
          participation.set(
            electionId,
            evolveParticipation(participation.get(electionId) ?? participationOpen, event),
          );
      }
    }
    return { voters, polls, participation, streamOfEventId, placements };
  }
}
