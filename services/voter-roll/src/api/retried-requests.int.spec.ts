import type { ServiceUnderTest } from '@vl/testing';
import { PRECINCTS_CSV } from '../testing/registry-files';
import { startVoterRoll } from '../testing/voter-roll-under-test';

const election = {
  kind: 'parliamentary',
  title: 'Elections of deputies of the Jogorku Kenesh',
  electionDate: '2030-11-24',
};

describe('voter-roll: a retried POST gets its first answer; every 4xx has one shape', () => {
  let voterRoll: ServiceUnderTest;
  let operator: string;
  const post = (path: string, body: unknown, key?: string) => {
    const call = voterRoll.http.post(path).set('authorization', `Bearer ${operator}`);
    return (key ? call.set('Idempotency-Key', key) : call).send(body as object);
  };

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    operator = await voterRoll.token('cec-operator');
  });
  afterAll(() => voterRoll?.close());

  it('given an election called with an Idempotency-Key, when the call is retried, then the answer is the first one and one election is called', async () => {
    const first = await post('/elections', election, 'call-2030-parliamentary');
    const retry = await post('/elections', election, 'call-2030-parliamentary');

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const called = (await voterRoll.dataSource.query(
      "select payload->>'electionId' as id from events where type = 'ElectionCalled'",
    )) as { id: string }[];
    expect(called.filter(({ id }) => id === (first.body as { electionId: string }).electionId)).toHaveLength(
      1,
    );
  });

  it('given a key already answered, when another request reuses it, then 422 names Idempotency-Key and nothing is appended', async () => {
    await post('/elections', election, 'reused-key-0001');
    const before = await voterRoll.eventCounts();

    const reused = await post('/elections', { ...election, title: 'Another title' }, 'reused-key-0001');

    expect(reused.status).toBe(422);
    expect(reused.body.errors).toEqual([
      { field: 'Idempotency-Key', rule: expect.stringContaining('another request') },
    ]);
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given a rejection, when it is retried with its key, then the same rejection comes back', async () => {
    const late = { ...election, electionDate: '2001-01-07' };
    const first = await post('/elections', late, 'rejected-call-01');
    const retry = await post('/elections', late, 'rejected-call-01');

    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
  });

  it('given a precincts file imported with a key, when the upload is retried, then the first report comes back', async () => {
    const upload = () =>
      voterRoll.http
        .post('/imports/precincts')
        .set('authorization', `Bearer ${operator}`)
        .set('Idempotency-Key', 'precincts-upload-1')
        .set('content-type', 'text/csv')
        .send(PRECINCTS_CSV);
    const first = await upload();
    const before = await voterRoll.eventCounts();
    const retry = await upload();

    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given an unknown IANA zone, when an election is called, then 400 names timeZone', async () => {
    const answer = await post('/elections', { ...election, timeZone: 'Mars/Olympus' });

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'timeZone', rule: expect.stringContaining('IANA') }]);
  });

  it('given a CSV upload sent as application/json, then 415 names Content-Type', async () => {
    const answer = await voterRoll.http
      .post('/imports/precincts')
      .set('authorization', `Bearer ${operator}`)
      .set('content-type', 'application/json')
      .send(PRECINCTS_CSV);

    expect(answer.status).toBe(415);
    expect(answer.body.errors).toEqual([{ field: 'Content-Type', rule: 'expected text/csv' }]);
  });

  it('given a malformed JSON body, then 400 names (body)', async () => {
    const answer = await voterRoll.http
      .post('/elections')
      .set('authorization', `Bearer ${operator}`)
      .set('content-type', 'application/json')
      .send('{"kind": "parliamentary",');

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, errors: [{ field: '(body)' }] });
  });

  it('given a malformed path id, then 400 names the path field', async () => {
    const answer = await post('/elections/not-an-id/voter-lists/compile', {});

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'electionId', rule: expect.any(String) }]);
  });

  it('given a malformed Idempotency-Key, then 400 names it', async () => {
    const answer = await post('/elections', election, 'short');

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', rule: expect.any(String) }]);
  });
});
