import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { evolvePolls, pollsNotOpened, type Polls, type PollsEvent } from '../domain/polls';
import {
  evolveVoterCheckIn,
  noCheckIn,
  type IdentifiedCheckInEvent,
  type VoterCheckInRecord,
} from '../domain/voter-check-in';

interface EventRow {
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  payload: unknown;
}

export interface LoadedStream<TState> {
  readonly version: number;
  readonly state: TState;
}

export interface CheckInStreams {
  readonly voters: ReadonlyMap<string, LoadedStream<VoterCheckInRecord>>;
  readonly polls: ReadonlyMap<string, LoadedStream<Polls>>;
  /** the stream each of the asked-for event ids is in, wherever it is */
  readonly streamOfEventId: ReadonlyMap<string, string>;
}

/**
 * Reads the voters' check-in streams and the precincts' polls streams straight from the event log, folded with
 * the domain's evolve: a voter's stream holds a handful of events, so the record itself is the state, in one
 * indexed query (by stream, and by event id to recognise retried or reused check-in ids anywhere).
 */
@Injectable()
export class CheckInStreamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(
    voterStreamIds: readonly string[],
    pollsStreamIds: readonly string[],
    eventIds: readonly string[],
  ): Promise<CheckInStreams> {
    const rows: EventRow[] = await this.dataSource.query(
      `select stream_id, stream_version, event_id, type, payload from events
        where stream_id = any($1::text[]) or event_id = any($2::uuid[])
        order by stream_id, stream_version`,
      [[...voterStreamIds, ...pollsStreamIds], [...eventIds]],
    );
    const voterStreams = new Set(voterStreamIds);
    const pollsStreams = new Set(pollsStreamIds);
    const voters = new Map<string, LoadedStream<VoterCheckInRecord>>();
    const polls = new Map<string, LoadedStream<Polls>>();
    const streamOfEventId = new Map<string, string>();
    for (const row of rows) {
      streamOfEventId.set(row.event_id, row.stream_id);
      const event = { type: row.type, payload: row.payload, eventId: row.event_id };
      if (voterStreams.has(row.stream_id)) {
        const loaded = voters.get(row.stream_id) ?? { version: 0, state: noCheckIn };
        voters.set(row.stream_id, {
          version: row.stream_version,
          state: evolveVoterCheckIn(loaded.state, event as IdentifiedCheckInEvent),
        });
      } else if (pollsStreams.has(row.stream_id)) {
        const loaded = polls.get(row.stream_id) ?? { version: 0, state: pollsNotOpened };
        polls.set(row.stream_id, {
          version: row.stream_version,
          state: evolvePolls(loaded.state, event as PollsEvent),
        });
      }
    }
    return { voters, polls, streamOfEventId };
  }
}
