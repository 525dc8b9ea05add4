import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScheduledElection } from '../domain/scheduled-election';

interface Row {
  election_id: string;
  kind: ScheduledElection['kind'];
  title: string;
  election_date: string;
  time_zone: string;
  polls_open_at: string;
  polls_close_at: string;
}

@Injectable()
export class ScheduledElectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, election: ScheduledElection, sourceEventId: string): Promise<void> {
    await tx.query(
      `insert into scheduled_elections (election_id, kind, title, election_date, time_zone, polls_open_at, polls_close_at, source_event_id)
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

  async find(electionId: string): Promise<ScheduledElection | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `select election_id, kind, title, to_char(election_date, 'YYYY-MM-DD') as election_date, time_zone, polls_open_at, polls_close_at
         from scheduled_elections where election_id = $1`,
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
