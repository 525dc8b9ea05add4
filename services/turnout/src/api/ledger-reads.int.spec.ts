import { topicName } from '@vl/contracts';
import { envelopeFor } from '@vl/contracts/testing';
import { eventually, readTopic, testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf } from '../testing/voter-roll-feed';

// a voter-scoped key no other suite uses, so only this suite's poison parks it
const poisoned = personalNumberOf(97_531, '29021964');

const readsOf = async (turnout: TurnoutUnderTest, type: string, purpose: string) =>
  (
    (await turnout.dataSource.query(
      `select payload from events where type = $1 and payload->>'purpose' = $2 order by tx_id, position`,
      [type, purpose],
    )) as { payload: Record<string, unknown> }[]
  ).map((row) => row.payload);

describe('the ledger endpoints that show participation record each read: dead letters and log exports', () => {
  let turnout: TurnoutUnderTest;

  beforeAll(async () => {
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
  });
  afterAll(() => turnout?.close());

  it('given a parked message keyed by a voter, when the CEC lists dead letters, then the voter listed is a ParticipationRead, published', async () => {
    const kafka = new Kafka({
      clientId: 'poisoner',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const poison = envelopeFor('VoterListed', { personalNumber: poisoned }, { partitionKey: poisoned });
    await producer.send({
      topic: topicName('voter-roll', 'voter-lists', 1),
      messages: [{ key: poisoned, value: JSON.stringify(poison) }],
    });
    await producer.disconnect();

    const listed = await eventually(async () => {
      const answer = await turnout.request('GET', '/operations/dead-letters', { roles: ['cec-operator'] });
      return (answer.body as { key: string }[]).some((parked) => parked.key === poisoned)
        ? answer
        : undefined;
    }, 'the poison parked');

    expect(listed.status).toBe(200);
    const recorded = (await readsOf(turnout, 'ParticipationRead', 'dead-letter-operations')).filter(
      (read) => read['personalNumber'] === poisoned,
    );
    expect(recorded.at(-1)).toEqual({
      reader: { subject: 'test-cec-operator', role: 'cec-operator', scope: expect.any(String) },
      purpose: 'dead-letter-operations',
      personalNumber: poisoned,
      electionId: null,
      precinctId: null,
      found: true,
      readAt: '2030-11-24T01:00:00.000Z',
    });
    const published = await readTopic('turnout.participation-reads.v1', {
      keep: ({ key, envelope }) =>
        key === poisoned && envelope.payload['purpose'] === 'dead-letter-operations',
      until: 1,
    });
    expect(published[0]?.envelope.type).toBe('ParticipationRead');
  });

  it('given an auditor, when the log is exported, then one ParticipationRangeRead names the range exported', async () => {
    const exported = await turnout.http
      .get('/ledger/log')
      .set('authorization', `Bearer ${await turnout.token('auditor')}`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      });
    const lines = String(exported.body).trim().split('\n');

    expect(exported.status).toBe(200);
    expect(await readsOf(turnout, 'ParticipationRangeRead', 'log-export')).toEqual([
      {
        reader: { subject: 'test-auditor', role: 'auditor', scope: expect.any(String) },
        purpose: 'log-export',
        range: { kind: 'log-export', fromPosition: 0, events: lines.length },
        readAt: '2030-11-24T01:00:00.000Z',
      },
    ]);
  });
});
