import type { Clock } from '@vl/clock';
import { electionCalledPayload } from '@vl/contracts/testing';
import { catalogContracts, EventStore, EventStoreTables1763860000000 } from '@vl/event-store';
import { TestSchema } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource, EntityManager } from 'typeorm';
import { DEADLINE_MIGRATIONS } from '../deadline-tables.migration';

/** A clock that stands still until the test moves it. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}

/** A service schema with the event store and the deadline table. */
export async function deadlineSchema(prefix: string) {
  const schema = await TestSchema.create(prefix);
  const dataSource = await schema.dataSource([EventStoreTables1763860000000, ...DEADLINE_MIGRATIONS]);
  const store = new EventStore(dataSource, 'voter-roll', catalogContracts);
  const opened: DataSource[] = [];
  return {
    schema,
    dataSource,
    store,
    /** another process on the same schema */
    anotherConnection: async () => {
      const other = await schema.dataSource([]);
      opened.push(other);
      return other;
    },
    close: async () => {
      await Promise.all(opened.map((other) => other.destroy()));
      await dataSource.destroy();
      await schema.drop();
    },
  };
}

/** What a test handler decides: one event on the deadline's own stream. */
export async function appendFiredEvent(store: EventStore, key: string, tx: EntityManager): Promise<void> {
  await store.append(
    [
      {
        streamId: `fired-${key}`,
        expectedVersion: 'any',
        events: [{ type: 'ElectionCalled', payload: electionCalledPayload(uuidv7()) }],
      },
    ],
    {},
    tx,
  );
}

/** Events per deadline key, in log order. */
export async function firedEvents(dataSource: DataSource, prefix: string) {
  const rows: { stream_id: string; tx_id: string }[] = await dataSource.query(
    `select stream_id, tx_id::text as tx_id from events where stream_id like $1 order by tx_id, position`,
    [`fired-${prefix}%`],
  );
  return rows.map((row) => ({ key: row.stream_id.slice('fired-'.length), txId: row.tx_id }));
}
