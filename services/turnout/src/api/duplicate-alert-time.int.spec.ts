import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@vl/testing';
import { openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const HOME = '1101-031';
const OTHER = '1101-032';
const voter = personalNumberOf(1, '07071977');

describe("a duplicate check-in's alert gives the first check-in's time on the station's wall clock", () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [HOME, OTHER],
      listed: { [voter]: HOME },
    });
    await openPolls(turnout, electionId, [HOME, OTHER]);
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a voter checked in at 09:00 Bishkek, when presented again elsewhere, then the alert reads 09:00:00 Asia/Bishkek', async () => {
    turnout.clock.set('2030-11-24T03:00:00.000Z');
    const pollWorker = await turnout.token(
      'poll-worker',
      'poll-worker-1101',
      precinctsScope(electionId, HOME, OTHER),
    );
    const checkIn = (precinctId: string) =>
      turnout.http
        .post(`/elections/${electionId}/check-ins`)
        .set('authorization', `Bearer ${pollWorker}`)
        .send({
          checkInId: uuidv7(),
          personalNumber: voter,
          precinctId,
          method: 'station',
          identification: 'biometric',
        });
    expect((await checkIn(HOME)).status).toBe(201);
    turnout.clock.set('2030-11-24T04:00:00.000Z');
    expect((await checkIn(OTHER)).status).toBe(409);

    const alerts = await eventually(async () => {
      const answer = await turnout.http
        .get(`/elections/${electionId}/integrity-alerts`)
        .set('authorization', `Bearer ${await turnout.token('cec-operator')}`);
      const listed = JSON.stringify(answer.body);
      return listed.includes('duplicate-check-in') ? listed : undefined;
    }, 'the duplicate-check-in alert');
    expect(alerts).toContain(`at ${HOME} at 2030-11-24 09:00:00 Asia/Bishkek was presented again`);
  });
});
