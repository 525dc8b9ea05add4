import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { byKey, readTopic } from '@vl/testing';
import { bishkek } from '../domain/check-in.fixtures';
import { publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const PRECINCT = '1101-021';
const LATE = '1101-022';
const queued = personalNumberOf(1, '11111960');
const afterGrace = personalNumberOf(2, '11111960');
const walkIn = personalNumberOf(3, '11111960');

describe('POST /elections/:id/precincts/:precinctId/polls/open and /close, and the grace after closing', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let chair: string;

  const polls = (action: 'open' | 'close', precinctId = PRECINCT, token = chair) =>
    turnout.http
      .post(`/elections/${electionId}/precincts/${precinctId}/polls/${action}`)
      .set('authorization', `Bearer ${token}`);
  const checkIn = async (personalNumber: string, device?: Record<string, unknown>) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', undefined, precinctsScope(electionId, PRECINCT))}`,
      )
      .send({
        checkInId: uuidv7(),
        personalNumber,
        precinctId: PRECINCT,
        method: 'station',
        identification: 'document',
        device,
      });

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock(bishkek('06:00')));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [PRECINCT, LATE],
      listed: { [queued]: PRECINCT, [afterGrace]: PRECINCT, [walkIn]: PRECINCT },
    });
    // one chair's token for the test's precincts, and an unknown one to be told 404
    chair = await turnout.token(
      'commission',
      'chair-1101-021',
      precinctsScope(electionId, PRECINCT, LATE, '1101-999'),
    );
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given 06:59:59.999 in Bishkek, when the commission opens the polls, then 422 says 07:00 is the earliest', async () => {
    turnout.clock.set(bishkek('06:59:59.999'));

    const response = await polls('open');

    expect([response.status, response.body.message]).toEqual([
      422,
      'polls open at 2030-11-24 07:00:00 Asia/Bishkek at the earliest; it is 2030-11-24 06:59:59 Asia/Bishkek',
    ]);
  });

  it('given 07:00:00.000, when the commission opens the polls, then 201 with PollsOpened; again, 409', async () => {
    turnout.clock.set(bishkek('07:00'));

    const response = await polls('open');
    const again = await polls('open');

    expect([response.status, response.body]).toEqual([
      201,
      {
        electionId,
        precinctId: PRECINCT,
        openedAt: bishkek('07:00'),
        openedBy: { subject: 'chair-1101-021', role: 'commission' },
      },
    ]);
    expect([again.status, again.body.message]).toEqual([
      409,
      `polls at ${PRECINCT} were opened at 2030-11-24 07:00:00 Asia/Bishkek`,
    ]);
  });

  it('given a poll worker, an unknown precinct or a malformed one, when opening polls, then 403, 404 and 400', async () => {
    expect(
      (await polls('open', LATE, await turnout.token('poll-worker', 'pw', precinctsScope(electionId, LATE))))
        .status,
    ).toBe(403);
    expect((await polls('open', '1101-999')).status).toBe(404);
    const malformed = await polls('open', '1101_022');
    expect([malformed.status, malformed.body.errors?.[0]]).toEqual([
      400,
      { field: 'precinctId', rule: 'expected a precinct code NNNN-NNN' },
    ]);
  });

  it('given the commission of another precinct, when opening or closing these polls, then 403 names the scope and nothing is appended', async () => {
    const before = await turnout.eventCounts();
    const elsewhere = await turnout.token(
      'commission',
      'chair-1101-029',
      precinctsScope(electionId, '1101-029'),
    );
    for (const action of ['open', 'close'] as const) {
      const refused = await polls(action, PRECINCT, elsewhere);
      expect([refused.status, refused.body.errors]).toEqual([
        403,
        [
          {
            field: 'scope',
            rule: `the token serves precinct 1101-029 of election ${electionId}, not precinct ${PRECINCT}`,
          },
        ],
      ]);
    }
    expect(await turnout.eventCounts()).toEqual(before);
  });

  it('given 19:59:59.999, when the commission closes the polls, then 422; a walk-in at that moment is still checked in', async () => {
    turnout.clock.set(bishkek('19:59:59.999'));

    const early = await polls('close');
    const lastMoment = await checkIn(walkIn);

    expect([early.status, early.body.message]).toEqual([
      422,
      'polls close at 2030-11-24 20:00:00 Asia/Bishkek, not before; it is 2030-11-24 19:59:59 Asia/Bishkek',
    ]);
    expect(lastMoment.status).toBe(201);
  });

  it('given PollsClosed at 20:05, when an offline book syncs a check-in made at 19:58 at 20:34:59.999, then it is accepted at its device time', async () => {
    turnout.clock.set(bishkek('20:05'));
    expect((await polls('close')).status).toBe(201);
    turnout.clock.set(bishkek('20:34:59.999'));

    const response = await checkIn(queued, {
      deviceId: 'pb-1101-021-1',
      sequence: 311,
      deviceTime: '2030-11-24T19:58:00+06:00',
    });

    expect([response.status, response.body.checkedInAt, response.body.clock]).toEqual([
      201,
      bishkek('19:58'),
      'device',
    ]);
  });

  it('given the 30-minute grace ended at 20:35:00.000, when another check-in made at 19:59 arrives, then 422 polls-closed', async () => {
    turnout.clock.set(bishkek('20:35'));

    const response = await checkIn(afterGrace, {
      deviceId: 'pb-1101-021-1',
      sequence: 312,
      deviceTime: bishkek('19:59'),
    });

    expect([response.status, response.body.code]).toEqual([422, 'polls-closed']);
  });

  it('given the day, when turnout.polls.v1 is read, then PollsOpened and PollsClosed are there once, keyed by election and precinct', async () => {
    const messages = await readTopic('turnout.polls.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 2,
    });

    expect(byKey(messages).map(({ key, envelope }) => [envelope.type, key])).toEqual([
      ['PollsOpened', `${electionId}:${PRECINCT}`],
      ['PollsClosed', `${electionId}:${PRECINCT}`],
    ]);
  });

  it('given polls never opened at a precinct, when the commission closes them, then 409', async () => {
    expect((await polls('close', LATE)).status).toBe(409);
  });
});
