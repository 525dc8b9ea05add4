import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { logSize, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const HOME = '1101-031';
const voter = personalNumberOf(1, '06061966');
const REASON = 'the poll worker scanned the namesake on the next line';

describe('turnout: a retried POST with an Idempotency-Key gets its first answer and appends nothing', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let member: string;
  const post = (path: string, body: object, key: string, token = member) =>
    turnout.http
      .post(`/elections/${electionId}${path}`)
      .set('authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(body);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
    electionId = await publishPollingDay(feed, turnout, { precincts: [HOME], listed: { [voter]: HOME } });
    member = await turnout.token('commission', 'member-1101-031-chair', precinctsScope(electionId, HOME));
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given polls opened with a key, when the opening is retried, then the same 201 and one PollsOpened', async () => {
    const first = await post(`/precincts/${HOME}/polls/open`, {}, 'open-1101-031');
    const size = await logSize(turnout);
    const retry = await post(`/precincts/${HOME}/polls/open`, {}, 'open-1101-031');

    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
    expect(await logSize(turnout)).toBe(size);
  });

  it('given a revocation, when it is retried with its key, then the same 201 and body, not 409 not-checked-in', async () => {
    turnout.clock.set('2030-11-24T03:00:00.000Z');
    const pollWorker = await turnout.token(
      'poll-worker',
      'poll-worker-1101-031',
      precinctsScope(electionId, HOME),
    );
    const checkIn = {
      checkInId: uuidv7(),
      personalNumber: voter,
      precinctId: HOME,
      method: 'station',
      identification: 'biometric',
    };
    expect((await post('/check-ins', checkIn, 'check-in-0001', pollWorker)).status).toBe(201);

    const first = await post(`/check-ins/${voter}/revoke`, { reason: REASON }, 'revoke-0001');
    const size = await logSize(turnout);
    const retry = await post(`/check-ins/${voter}/revoke`, { reason: REASON }, 'revoke-0001');
    const anotherKey = await post(`/check-ins/${voter}/revoke`, { reason: REASON }, 'revoke-0002');

    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(await logSize(turnout)).toBe(size);
    // another key is another request, and the rules refuse it: the check-in is already revoked
    expect(anotherKey.status).toBeGreaterThanOrEqual(400);
    expect(await logSize(turnout)).toBe(size);
  });

  it('given a check-in retried with the same checkInId and no key, then the same answer (the natural id)', async () => {
    const pollWorker = await turnout.token(
      'poll-worker',
      'poll-worker-1101-031',
      precinctsScope(electionId, HOME),
    );
    const again = {
      checkInId: uuidv7(),
      personalNumber: voter,
      precinctId: HOME,
      method: 'station',
      identification: 'biometric',
    };
    const send = () =>
      turnout.http
        .post(`/elections/${electionId}/check-ins`)
        .set('authorization', `Bearer ${pollWorker}`)
        .send(again);
    const first = await send();
    const size = await logSize(turnout);
    const retry = await send();

    expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
    expect(await logSize(turnout)).toBe(size);
  });
});
