import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@vl/testing';
import { bishkek } from '../domain/check-in.fixtures';
import { openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const STATION = '1101-081';
const [early, onTime, alsoEarly] = [1, 2, 3].map((n) => personalNumberOf(n, '03031977'));

interface Alert {
  signal: string;
  precinctId: string;
  observedAt: string;
  evidence: Record<string, string | number>;
}

describe('POST /elections/:id/check-ins/batch: a poll book whose check-ins are dated before the opening', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;

  const item = (personalNumber: string, sequence: number, deviceTime: string) => ({
    checkInId: uuidv7(),
    personalNumber,
    precinctId: STATION,
    method: 'station',
    identification: 'biometric',
    sequence,
    deviceTime,
  });
  const sync = async (deviceId: string, checkIns: readonly Record<string, unknown>[]) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins/batch`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw-early', precinctsScope(electionId, STATION))}`,
      )
      .send({ deviceId, checkIns });
  const alertsBeforeOpening = (count: number) =>
    eventually(async () => {
      const listed = (
        await turnout.http
          .get(`/elections/${electionId}/integrity-alerts?signal=check-in-before-opening`)
          .set('authorization', `Bearer ${await turnout.token('cec-operator', 'cec-1')}`)
      ).body.alerts as Alert[];
      return listed.length >= count ? listed : undefined;
    }, `${count} check-in-before-opening alert(s)`);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock(bishkek('06:30')));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [STATION],
      listed: Object.fromEntries([early, onTime, alsoEarly].map((voter) => [voter, STATION])),
    });
    turnout.clock.set(bishkek('07:00'));
    await openPolls(turnout, electionId, [STATION]);
  }, 120_000);
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given polls opened at 07:00, when a book syncs at 07:20 a check-in it dates 06:40, then the voter is checked in at 07:20 and one alert names the book', async () => {
    turnout.clock.set(bishkek('07:20'));

    const response = await sync('pb-1101-081-a', [
      item(early as string, 1, bishkek('06:40')),
      item(onTime as string, 2, bishkek('07:10')),
    ]);

    expect(response.status).toBe(200);
    expect(response.body.outcomes).toEqual([
      expect.objectContaining({ outcome: 'accepted', checkedInAt: bishkek('07:20'), clock: 'server' }),
      expect.objectContaining({ outcome: 'accepted', checkedInAt: bishkek('07:10'), clock: 'device' }),
    ]);
    const [alert, ...more] = await alertsBeforeOpening(1);
    expect(more).toEqual([]);
    expect(alert).toEqual(
      expect.objectContaining({
        signal: 'check-in-before-opening',
        precinctId: STATION,
        observedAt: bishkek('06:40'),
        evidence: {
          personalNumber: early,
          deviceId: 'pb-1101-081-a',
          deviceTime: bishkek('06:40'),
          checkedInAt: bishkek('07:20'),
          officialOpeningAt: bishkek('07:00'),
          minutesBeforeOpening: 20,
        },
      }),
    );
  });

  it('given another book dating a check-in 06:55, when it syncs, then its voter counts and the alert is raised for that book too', async () => {
    turnout.clock.set(bishkek('07:40'));

    const response = await sync('pb-1101-081-b', [item(alsoEarly as string, 1, bishkek('06:55'))]);

    expect(response.body.outcomes[0]).toMatchObject({ outcome: 'accepted', checkedInAt: bishkek('07:40') });
    const alerts = await alertsBeforeOpening(2);
    expect(alerts.map((alert) => alert.evidence['deviceId']).sort()).toEqual([
      'pb-1101-081-a',
      'pb-1101-081-b',
    ]);
    await eventually(async () => {
      const figures = await turnout.http
        .get(`/elections/${electionId}/turnout?level=precinct&code=${STATION}`)
        .set('authorization', `Bearer ${await turnout.token('cec-operator')}`);
      return figures.body.checkedIn === 3 ? true : undefined;
    }, 'all three voters checked in');
  });
});
