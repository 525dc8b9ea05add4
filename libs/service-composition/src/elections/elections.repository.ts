import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ElectionOnRecord } from './election-on-record';

interface Row {
  election_id: string;
  kind: ElectionOnRecord['kind'];
  title: string;
  election_date: string;
  time_zone: string;
  polls_open_at: string;
  polls_close_at: string;
}

/** The elections a downstream service has learnt of from voter-roll's topic. */
@Injectable()
export class ElectionsOnRecord {
  constructor(private readonly dataSource: DataSource) {}

  // an election is called once: a redelivered ElectionCalled changes nothing
  async record(tx: EntityManager, election: ElectionOnRecord, sourceEventId: string): Promise<void> {
    await tx.query(
      `insert into elections (election_id, kind, title, election_date, time_zone, polls_open_at, polls_close_at,
                              source_event_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (election_id) do nothing`,
      [
        election.electionId,
        election.kind,
        election.title,
        election.electionDate,
        election.timeZone,
        election.pollsOpenAt,
        election.pollsCloseAt,
        sourceEventId,
      ],
    );
  }

  async find(electionId: string, manager?: EntityManager): Promise<ElectionOnRecord | undefined> {
    const rows: Row[] = await (manager ?? this.dataSource).query(
      `select election_id, kind, title, to_char(election_date, 'YYYY-MM-DD') as election_date, time_zone,
              polls_open_at, polls_close_at
         from elections where election_id = $1`,
      [electionId],
    );
    const row = rows[0];
    return row
      ? {
          electionId: row.election_id,
          kind: row.kind,
          title: row.title,
          electionDate: row.election_date,
          timeZone: row.time_zone,
          pollsOpenAt: row.polls_open_at,
          pollsCloseAt: row.polls_close_at,
        }
      : undefined;
  }
}
