import { eventCatalog } from '@vl/contracts';
import { electionCalledPayload } from '@vl/contracts/testing';
import { TestSchema } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource } from 'typeorm';
import { catalogContracts } from './catalog-contracts';
import { EventContractViolation, StreamVersionConflict } from './append-errors';
import { EventStore } from './event-store';
import { EventStoreTables1763860000000 } from './event-store-tables.migration';
import { LOG_START, type LogCursor, type StoredEvent } from './stored-event';
import { StoredEventUnreadable } from './stored-event-unreadable';

const electionCalled = () => ({ type: 'ElectionCalled', payload: electionCalledPayload() });

describe('EventStore on PostgreSQL', () => {
  let schema: TestSchema;
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    schema = await TestSchema.create('event_store');
    dataSource = await schema.dataSource([EventStoreTables1763860000000], 30);
    store = new EventStore(dataSource, 'voter-roll', catalogContracts);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await schema?.drop();
  });

  it('given a new stream, when appended and loaded, then the envelope is complete and versions start at 1', async () => {
    const [stored] = await store.append([
      { streamId: 'election-a', expectedVersion: 'no-stream', events: [electionCalled()] },
    ]);
    const loaded = await store.loadStream('election-a');
    expect(loaded).toEqual([stored]);
    expect(stored).toMatchObject({
      streamId: 'election-a',
      streamVersion: 1,
      schemaVersion: eventCatalog.currentVersion('ElectionCalled'),
      producer: 'voter-roll',
      causationId: null,
    });
    expect(stored?.partitionKey).toBe((stored?.payload as { electionId: string }).electionId);
  });

  it('given two writers with the same expected version, when both append, then exactly one wins', async () => {
    await store.append([
      { streamId: 'election-race', expectedVersion: 'no-stream', events: [electionCalled()] },
    ]);
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        store.append([{ streamId: 'election-race', expectedVersion: 1, events: [electionCalled()] }]),
      ),
    );
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const conflict = (rejected[0] as PromiseRejectedResult).reason as StreamVersionConflict;
    expect(conflict).toBeInstanceOf(StreamVersionConflict);
    expect(conflict).toMatchObject({ streamId: 'election-race', expected: 1, actual: 2 });
    expect(await store.loadStream('election-race')).toHaveLength(2);
  });

  it('given an append is retried with the same event ids, when appended again, then it succeeds without duplicates', async () => {
    const event = { ...electionCalled(), eventId: uuidv7() };
    const first = await store.append([
      { streamId: 'election-retry', expectedVersion: 'no-stream', events: [event] },
    ]);
    const retried = await store.append([
      { streamId: 'election-retry', expectedVersion: 'no-stream', events: [event] },
    ]);
    expect(retried).toEqual(first);
    expect(await store.loadStream('election-retry')).toHaveLength(1);
  });

  it('given new streams and one that exists, when appended together as new, then the conflict names it and none is stored', async () => {
    await store.append([
      { streamId: 'election-taken', expectedVersion: 'no-stream', events: [electionCalled()] },
    ]);
    const append = store.append([
      { streamId: 'election-fresh-1', expectedVersion: 'no-stream', events: [electionCalled()] },
      { streamId: 'election-taken', expectedVersion: 'no-stream', events: [electionCalled()] },
      { streamId: 'election-fresh-2', expectedVersion: 'no-stream', events: [electionCalled()] },
    ]);
    await expect(append).rejects.toMatchObject({
      streamId: 'election-taken',
      expected: 'no-stream',
      actual: 1,
    });
    expect(await store.loadStream('election-fresh-1')).toEqual([]);
    expect(await store.loadStream('election-fresh-2')).toEqual([]);
    expect(await store.loadStream('election-taken')).toHaveLength(1);
  });

  it('given a payload that breaks its contract, when appended, then it is refused naming the field and nothing is stored', async () => {
    const bad = electionCalled();
    const append = store.append([
      {
        streamId: 'election-bad',
        expectedVersion: 'no-stream',
        events: [{ ...bad, payload: { ...bad.payload, electionDate: '30.11.2030' } }],
      },
    ]);
    await expect(append).rejects.toThrow(EventContractViolation);
    await expect(append).rejects.toThrow(/ElectionCalled\.payload\.electionDate/);
    expect(await store.loadStream('election-bad')).toEqual([]);
  });

  it('given an event stored at an older schema version, when its stream is loaded, then it reads upcast to the current one', async () => {
    const { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt } =
      electionCalledPayload();
    const v1 = { electionId, kind, title, electionDate, timeZone, pollsOpenAt, pollsCloseAt };
    const eventId = await storeRaw('election-v1', 1, v1);
    const [loaded] = await store.loadStream('election-v1');
    expect(loaded).toMatchObject({
      eventId,
      type: 'ElectionCalled',
      schemaVersion: eventCatalog.currentVersion('ElectionCalled'),
      payload: v1,
    });
  });

  it('given a stored event that breaks its contract, when its stream is loaded, then it throws naming the event', async () => {
    const broken = { ...electionCalledPayload(), electionDate: '30.11.2030' };
    const eventId = await storeRaw('election-broken', eventCatalog.currentVersion('ElectionCalled'), broken);
    const load = store.loadStream('election-broken');
    await expect(load).rejects.toThrow(StoredEventUnreadable);
    await expect(load).rejects.toThrow(
      new RegExp(`stored event ${eventId} \\(ElectionCalled v\\d, stream election-broken\\).*electionDate`),
    );
  });

  it('given stored events, when someone tries to update or delete them, then the database refuses', async () => {
    await expect(dataSource.query(`update events set type = 'Forged'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query('delete from events')).rejects.toThrow(/append-only/);
  });

  it('given 20 concurrent writers whose transactions commit out of order, when a reader follows the log, then it sees every event once, in log order', async () => {
    const before = await readAll(store, LOG_START);
    const cursorAtStart = before.at(-1)?.cursor ?? LOG_START;
    const seen: StoredEvent[] = [];
    const perWriter = 10;
    const total = 20 * perWriter;
    const ours = new Set<string>();
    const isOurs = (event: StoredEvent) => ours.has(event.eventId);
    // other transactions on the cluster may hold the horizon back for a moment: the reader waits, never skips
    const reader = (async () => {
      let cursor: LogCursor = cursorAtStart;
      const deadline = Date.now() + 60_000;
      while (seen.filter(isOurs).length < total && Date.now() < deadline) {
        const page = await store.readLog(cursor, 7);
        seen.push(...page);
        cursor = page.at(-1)?.cursor ?? cursor;
        if (page.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await Promise.all(
      Array.from({ length: 20 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < perWriter; i++) {
            await dataSource.transaction(async (tx) => {
              const [stored] = await store.append(
                [
                  {
                    streamId: `election-w${writer}-${i}`,
                    expectedVersion: 'no-stream',
                    events: [electionCalled()],
                  },
                ],
                {},
                tx,
              );
              ours.add(stored?.eventId ?? '');
              // hold the transaction open a random while: later-numbered ones commit first
              await tx.query('select pg_sleep($1)', [Math.random() * 0.02]);
            });
          }
        })(),
      ),
    );
    await reader;
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything beyond the 200 would show up now
    const everything = (await readAll(store, cursorAtStart)).filter(isOurs).map((event) => event.eventId);
    expect(everything).toHaveLength(total);
    expect(seen.filter(isOurs).map((event) => event.eventId)).toEqual(everything);
    expect(new Set(seen.map((event) => event.eventId)).size).toBe(seen.length);
  });

  // written past the store's own checks, as an older release or a broken migration could have
  async function storeRaw(streamId: string, schemaVersion: number, payload: { readonly electionId: string }) {
    const eventId = uuidv7();
    await dataSource.query(
      `insert into events (event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at,
                           correlation_id, causation_id, partition_key, payload)
       values ($1, $2, 1, 'ElectionCalled', $3, now(), now(), $4, null, $5, $6::jsonb)`,
      [eventId, streamId, schemaVersion, uuidv7(), payload.electionId, JSON.stringify(payload)],
    );
    return eventId;
  }
});

async function readAll(store: EventStore, from: LogCursor): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let cursor = from;
  for (;;) {
    const page = await store.readLog(cursor, 500);
    if (page.length === 0) return all;
    all.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}
