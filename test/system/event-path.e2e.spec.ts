import { precinctsScope } from '@vl/auth';
import { topicName } from '@vl/contracts';
import { eventually, readTopic } from '@vl/testing';
import { startSixServices, type SixServices } from '../support/six-services';

describe('the six services, through HTTP and Kafka only', () => {
  let stack: SixServices;

  beforeAll(async () => {
    stack = await startSixServices();
  }, 180_000);
  afterAll(() => stack?.stop());

  it('given the stack, when probed, then every service is ready and exposes Prometheus metrics', async () => {
    for (const service of stack.services) {
      const health = await fetch(`${service.url}/health`);
      expect({ service: service.name, status: health.status }).toEqual({
        service: service.name,
        status: 200,
      });
      expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', kafka: 'up' } });
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain(`process_cpu_user_seconds_total{service="${service.name}"}`);
    }
  });

  it('given an election called at voter-roll, when turnout consumes the topic, then turnout knows its day and hours', async () => {
    const operator = await stack.token('cec-operator');
    const response = await fetch(`${stack.urls['voter-roll']}/elections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'parliamentary',
        title: 'Jogorku Kenesh 2030',
        electionDate: '2030-11-24',
      }),
    });
    expect(response.status).toBe(201);
    const { electionId } = (await response.json()) as { electionId: string };

    // a poll book reads its election's hours with the station's token
    const pollWorker = await stack.scopedToken(
      precinctsScope(electionId, '0101-001'),
      'pw-0101-001',
      'poll-worker',
    );
    const known = await eventually(
      async () => {
        const found = await fetch(`${stack.urls.turnout}/elections/${electionId}`, {
          headers: { authorization: `Bearer ${pollWorker}` },
        });
        return found.status === 200 ? found.json() : undefined;
      },
      'turnout knowing the election',
      30_000,
    );
    expect(known).toEqual({
      electionId,
      kind: 'parliamentary',
      title: 'Jogorku Kenesh 2030',
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
      pollsOpenAt: '07:00',
      pollsCloseAt: '20:00',
    });
    expect(await findOnTopic(electionId)).toMatchObject({
      type: 'ElectionCalled',
      producer: 'voter-roll',
      partitionKey: electionId,
    });
  });

  it('given bad input, when calling an election, then 400 names the field and nothing is published', async () => {
    const operator = await stack.token('cec-operator');
    const response = await fetch(`${stack.urls['voter-roll']}/elections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'parliamentary',
        title: 'x',
        electionDate: '2030-02-30',
        pollsCloseAt: '06:00',
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /electionDate: expected a date YYYY-MM-DD/,
    );
  });

  it('given no token or the wrong role, when calling an election, then 401 and 403', async () => {
    const url = `${stack.urls['voter-roll']}/elections`;
    expect((await fetch(url, { method: 'POST' })).status).toBe(401);
    const citizen = await stack.token('citizen:12345678901234');
    expect(
      (await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${citizen}` } })).status,
    ).toBe(403);
  });
});

async function findOnTopic(electionId: string): Promise<Record<string, unknown> | undefined> {
  const [found] = await readTopic(topicName('voter-roll', 'elections', 1), {
    keep: ({ envelope }) => envelope.payload['electionId'] === electionId,
    until: 1,
    timeoutMs: 20_000,
    settleMs: 0,
  });
  return found?.envelope;
}
