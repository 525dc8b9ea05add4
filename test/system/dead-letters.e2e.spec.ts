import { randomUUID } from 'node:crypto';
import { topicName } from '@vl/contracts';
import { envelopeFor } from '@vl/contracts/testing';
import { eventually, testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { startSixServices, type SixServices } from '../support/six-services';

interface Parked {
  readonly id: string;
  readonly key: string | null;
  readonly reason: string;
}

describe('an operator resolves a poison event through the HTTP API', () => {
  let stack: SixServices;

  beforeAll(async () => {
    stack = await startSixServices();
  }, 180_000);
  afterAll(() => stack?.stop());

  it('given an invalid event on a topic turnout consumes, when the operator skips it with a reason, then it is released and the skip recorded', async () => {
    const key = randomUUID();
    const kafka = new Kafka({
      clientId: 'poisoner',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const poison = envelopeFor(
      'ElectionCalled',
      { electionId: key, kind: 'coronation' },
      { partitionKey: key },
    );
    await producer.send({
      topic: topicName('voter-roll', 'elections', 1),
      messages: [{ key, value: JSON.stringify(poison) }],
    });
    await producer.disconnect();

    const url = `${stack.urls.turnout}/operations/dead-letters`;
    const operator = {
      authorization: `Bearer ${await stack.token('cec-operator')}`,
      'content-type': 'application/json',
    };
    const parked = await eventually(
      async () => {
        const list = (await (await fetch(url, { headers: operator })).json()) as Parked[];
        return list.find((message) => message.key === key);
      },
      'the poison event parked',
      30_000,
    );
    expect(parked.reason).toMatch(/^invalid event: ElectionCalled\.payload\.kind/);

    const auditor = { authorization: `Bearer ${await stack.token('auditor')}` };
    expect((await fetch(url, { headers: auditor })).status).toBe(403);

    const tooShort = await fetch(`${url}/${parked.id}/skip`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ reason: 'bad' }),
    });
    expect(tooShort.status).toBe(400);
    expect(((await tooShort.json()) as { message: string }).message).toMatch(
      /reason: say why in at least 10 characters/,
    );

    const skipped = await fetch(`${url}/${parked.id}/skip`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ reason: 'not an election kind; the producer was fixed' }),
    });
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toEqual({ ok: true, released: 1 });
    const after = (await (await fetch(url, { headers: operator })).json()) as Parked[];
    expect(after.find((message) => message.key === key)).toBeUndefined();

    // the export reaches events once every older transaction on the database has finished
    const recorded = await eventually(
      async () => {
        const log = await (await fetch(`${stack.urls.turnout}/ledger/log`, { headers: auditor })).text();
        return log
          .split('\n')
          .filter((line) => line.length > 0)
          .map(
            (line) =>
              (JSON.parse(line) as { event: { type: string; payload: Record<string, unknown> } }).event,
          )
          .find((event) => event.type === 'DeadLetterSkipped' && event.payload['key'] === key);
      },
      'the skip in the exported log',
      20_000,
    );
    expect(recorded?.payload).toMatchObject({
      reason: 'not an election kind; the producer was fixed',
      operator: 'system-test',
    });
  });
});
