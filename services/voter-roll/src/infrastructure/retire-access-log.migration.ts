import type { ParticipationReadPayload } from '@vl/contracts';
import { catalogContracts, EventStore, type AppendRequest } from '@vl/event-store';
import { participationReadsStreamId } from '@vl/ledger';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

interface AccessRow {
  accessed_at: Date;
  subject: string;
  roles: string[];
  purpose: 'poll-book look-up' | 'poll-book page';
  personal_number: string;
  election_id: string | null;
  precinct_id: string | null;
  found: boolean;
}

const BATCH = 1000;

/**
 * ARCHITECTURE invariant 7: a read of a person's participation is an event in the tamper-evident log, not a row
 * a TRUNCATE could erase. The poll-book access log's rows become ParticipationRead events (readAt: when the row
 * was written), then the table goes.
 */
export class RetireAccessLog1763860000210 implements MigrationInterface {
  name = 'RetireAccessLog1763860000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    const store = new EventStore(queryRunner.connection, 'voter-roll', catalogContracts);
    for (let after = 0; ;) {
      const rows: (AccessRow & { id: string })[] = await queryRunner.query(
        `select id::text, accessed_at, subject, roles, purpose, personal_number, election_id, precinct_id, found
           from access_log where id > $1 order by id limit ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await store.append(rows.map(appendOf), { occurredAt: new Date() }, queryRunner.manager);
      after = Number(rows.at(-1)?.id);
    }
    await queryRunner.query('drop table access_log');
    await queryRunner.query('drop function access_log_is_append_only');
  }

  async down(): Promise<void> {
    throw new Error('the access log is not restored: its rows live on as ParticipationRead events');
  }
}

function appendOf(row: AccessRow): AppendRequest {
  const payload: ParticipationReadPayload = {
    // the table recorded every role the token carried, not the one the endpoint admitted
    reader: { subject: row.subject, role: row.roles.join(' ').slice(0, 100), scope: null },
    purpose: row.purpose === 'poll-book page' ? 'poll-book-page' : 'poll-book-look-up',
    readAt: row.accessed_at.toISOString(),
    personalNumber: row.personal_number,
    electionId: row.election_id,
    precinctId: row.precinct_id,
    found: row.found,
  };
  const eventId = uuidv7();
  return {
    streamId: participationReadsStreamId(eventId),
    expectedVersion: 'no-stream',
    events: [{ type: 'ParticipationRead', payload, eventId }],
  };
}
