import { electionCalled, eventCatalog } from '@vl/contracts';
import { LOG_START } from '@vl/event-store';
import type { Kafka } from 'kafkajs';
import { EventHandlers } from './event-handlers';
import { InboxConsumer } from './inbox-consumer';
import { OutboxRelay } from './outbox-relay';
import { parseEventMessage } from './parse-event-message';
import {
  countEffects,
  ELECTIONS_TOPIC,
  electionCalledPayload,
  serviceSchema,
  testKafka,
} from './testing/messaging-fixture';

describe('outbox relay and inbox consumer, through the real broker', () => {
  let producer: Awaited<ReturnType<typeof serviceSchema>>;
  let consumer: Awaited<ReturnType<typeof serviceSchema>>;
  let kafka: Kafka;

  beforeAll(async () => {
    producer = await serviceSchema('relay_producer', 'voter-roll');
    consumer = await serviceSchema('relay_consumer', 'turnout');
    kafka = testKafka('relay-test');
  });
  afterAll(async () => {
    await producer?.close();
    await consumer?.close();
  });

  it('given the relay dies after publishing a batch and before saving its position, when restarted, then nothing is missing and effects happen once', async () => {
    const payloads = Array.from({ length: 300 }, () => electionCalledPayload());
    await producer.store.append(
      payloads.map((payload) => ({
        streamId: `election-${payload.electionId}`,
        expectedVersion: 'no-stream' as const,
        events: [{ type: 'ElectionCalled', payload }],
      })),
    );
    const relayOptions = {
      name: 'kafka',
      topicOf: (event: { type: string }) => eventCatalog.topicOf(event.type, 'voter-roll'),
      batchSize: 100,
    };
    // the log shows events once every older transaction on the database has ended
    for (let tries = 0; (await producer.store.readLog(LOG_START, 300)).length < 300 && tries < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let batches = 0;
    const dying = new OutboxRelay(producer.dataSource, producer.store, kafka, {
      ...relayOptions,
      afterPublish: async () => {
        if (++batches === 2) throw new Error('relay process killed');
      },
    });
    expect(await dying.publishBatch()).toBe(100);
    await expect(dying.publishBatch()).rejects.toThrow('relay process killed');
    await dying.stop();

    const restarted = new OutboxRelay(producer.dataSource, producer.store, kafka, relayOptions);
    let published = 0;
    for (let batch = await restarted.publishBatch(); batch > 0; batch = await restarted.publishBatch())
      published += batch;
    await restarted.stop();
    expect(published).toBe(200); // the crashed batch is sent again: 100 duplicates reach Kafka

    const electionIds = payloads.map((payload) => payload.electionId);
    const inbox = new InboxConsumer(consumer.dataSource, kafka, {
      groupId: `relay-test-${Date.now()}`,
      parse: parseEventMessage,
      handlers: new EventHandlers()
        .on(electionCalled, async (event, tx) => {
          await tx.query('insert into effects (event_id, election_id) values ($1, $2)', [
            event.eventId,
            event.payload.electionId,
          ]);
        })
        // clean batches go through the batch handler: one multi-row insert per run of events
        .onBatch(electionCalled, async (events, tx) => {
          await tx.query(
            'insert into effects (event_id, election_id) select * from unnest($1::uuid[], $2::uuid[])',
            [events.map((event) => event.eventId), events.map((event) => event.payload.electionId)],
          );
        }),
      record: async () => undefined,
    });
    await inbox.start();
    try {
      await waitUntilCaughtUp(kafka, inbox);
      expect(await countEffects(consumer.dataSource, electionIds)).toEqual({ total: 300, distinct: 300 });
      const delivered = await deliveredCount(kafka, new Set(electionIds));
      expect(delivered).toBe(400);
    } finally {
      await inbox.stop();
    }
  });
});

async function waitUntilCaughtUp(kafka: Kafka, inbox: InboxConsumer): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ends = await admin.fetchTopicOffsets(ELECTIONS_TOPIC);
      const [committed] = await admin.fetchOffsets({ groupId: inbox.groupId, topics: [ELECTIONS_TOPIC] });
      const behind = ends.some((end) => {
        const done =
          committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
        return BigInt(end.high) > 0n && BigInt(done) < BigInt(end.high);
      });
      if (!behind) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the consumer did not catch up with the topic within 60 s');
  } finally {
    await admin.disconnect();
  }
}

async function deliveredCount(kafka: Kafka, electionIds: ReadonlySet<string>): Promise<number> {
  const reader = kafka.consumer({ groupId: `relay-count-${Date.now()}` });
  await reader.connect();
  await reader.subscribe({ topic: ELECTIONS_TOPIC, fromBeginning: true });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(ELECTIONS_TOPIC);
  await admin.disconnect();
  const remaining = new Map(ends.map((end) => [end.partition, BigInt(end.high)]));
  let count = 0;
  await new Promise<void>((resolve) => {
    void reader.run({
      eachMessage: async ({ partition, message }) => {
        const payload = (
          JSON.parse(message.value?.toString() ?? '{}') as { payload?: { electionId?: string } }
        ).payload;
        if (payload?.electionId && electionIds.has(payload.electionId)) count++;
        if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
        if ([...remaining.values()].every((high) => high === 0n) || remaining.size === 0) resolve();
      },
    });
  });
  await reader.disconnect();
  return count;
}
