import { envelopeFor } from '@vl/contracts/testing';
import { electionCalled, type ElectionCalledPayload } from '@vl/contracts';
import type { Kafka, Producer } from 'kafkajs';
import { EventHandlers } from './event-handlers';
import { InboxConsumer } from './inbox-consumer';
import { parseEventMessage } from './parse-event-message';
import {
  countEffects,
  ELECTIONS_TOPIC,
  electionCalledPayload,
  serviceSchema,
  testKafka,
} from './testing/messaging-fixture';
import { ensureTopics } from './topics';

const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('sequenced dead-letter: a poison event parks its key, others go on', () => {
  let service: Awaited<ReturnType<typeof serviceSchema>>;
  let kafka: Kafka;
  let producer: Producer;
  let inbox: InboxConsumer;
  const refused = new Set<string>();

  const publish = async (payload: ElectionCalledPayload | Record<string, unknown>, key: string) => {
    const envelope = envelopeFor('ElectionCalled', payload, {
      partitionKey: key,
      streamId: `election-${key}`,
    });
    await producer.send({
      topic: ELECTIONS_TOPIC,
      acks: -1,
      messages: [{ key, value: JSON.stringify(envelope) }],
    });
    return envelope['eventId'] as string;
  };

  beforeAll(async () => {
    service = await serviceSchema('parking', 'turnout');
    kafka = testKafka('parking-test');
    await ensureTopics(kafka, [ELECTIONS_TOPIC]);
    producer = kafka.producer();
    await producer.connect();
    inbox = new InboxConsumer(service.dataSource, kafka, {
      groupId: `parking-test-${Date.now()}`,
      parse: parseEventMessage,
      maxAttempts: 2,
      handlers: new EventHandlers().on(electionCalled, async (event, tx) => {
        const { electionId } = event.payload;
        if (refused.has(electionId)) throw new Error(`projection refuses ${electionId}`);
        await tx.query('insert into effects (event_id, election_id) values ($1, $2)', [
          event.eventId,
          electionId,
        ]);
      }),
      record: async (tx, event) => {
        await service.store.append(
          [{ streamId: 'dead-letters', expectedVersion: 'any', events: [event] }],
          {},
          tx,
        );
      },
    });
    await inbox.start();
  });
  afterAll(async () => {
    await inbox?.stop();
    await producer?.disconnect();
    await service?.close();
  });

  it('given an invalid event, when consumed, then it and the later events of its key are parked while other keys are applied; a skip releases them and is recorded', async () => {
    const poisoned = electionCalledPayload();
    const healthy = electionCalledPayload();
    const key = poisoned.electionId;
    await publish({ ...poisoned, electionDate: 'next Sunday' }, key);
    const laterOfSameKey = await publish(poisoned, key);
    await publish(healthy, healthy.electionId);

    await eventually(
      async () =>
        (await countEffects(service.dataSource, [healthy.electionId])).total === 1 ? true : undefined,
      'the healthy key applied',
    );
    const parked = await eventually(async () => {
      const list = (await inbox.parking.list()).filter((message) => message.key === key);
      return list.length === 2 ? list : undefined;
    }, 'both messages of the poisoned key parked');
    expect(parked[0]?.reason).toMatch(/^invalid event: ElectionCalled\.payload\.electionDate/);
    expect(parked[1]).toMatchObject({
      eventId: laterOfSameKey,
      reason: `waiting behind the parked message at offset ${parked[0]?.offset} of the same key`,
    });
    expect(await countEffects(service.dataSource, [key])).toEqual({ total: 0, distinct: 0 });

    const tooEarly = await inbox.parking.retry(parked[1]?.id ?? '', 'operator-1');
    expect(tooEarly).toMatchObject({ ok: false, error: 'not-first-of-key' });

    const skipped = await inbox.parking.skip(
      parked[0]?.id ?? '',
      'operator-1',
      'date was typed by hand; re-issued upstream',
    );
    expect(skipped).toEqual({ ok: true, released: 2 });
    expect(await countEffects(service.dataSource, [key])).toEqual({ total: 1, distinct: 1 });
    const [recorded] = await service.store.loadStream('dead-letters');
    expect(recorded).toMatchObject({
      type: 'DeadLetterSkipped',
      payload: { reason: 'date was typed by hand; re-issued upstream', operator: 'operator-1', key },
    });
  });

  it('given a handler that keeps failing, when consumed, then the event is parked, and an operator retry applies it once fixed', async () => {
    const stubborn = electionCalledPayload();
    refused.add(stubborn.electionId);
    const eventId = await publish(stubborn, stubborn.electionId);
    const [parked] = await eventually(async () => {
      const list = (await inbox.parking.list()).filter((message) => message.eventId === eventId);
      return list.length === 1 ? list : undefined;
    }, 'the failing event parked');
    expect(parked?.reason).toBe(`handler failed: projection refuses ${stubborn.electionId}`);

    expect(await inbox.parking.retry(parked?.id ?? '', 'operator-2')).toMatchObject({
      ok: false,
      error: 'still-failing',
    });
    refused.delete(stubborn.electionId);
    expect(await inbox.parking.retry(parked?.id ?? '', 'operator-2')).toEqual({ ok: true, released: 1 });
    expect(await countEffects(service.dataSource, [stubborn.electionId])).toEqual({ total: 1, distinct: 1 });
    expect((await service.store.loadStream('dead-letters')).map((event) => event.type)).toContain(
      'DeadLetterRetried',
    );
  });
});
