import { precinctsScope } from '@vl/auth';
import { abroadPrecinctPayload } from '@vl/contracts/testing';
import { eventually } from '@vl/testing';
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import { publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

// numbers no generated country reaches: other suites on the same broker register 9999-001 with other content
const MOSCOW = { precinctId: '9999-931', zone: 'Europe/Moscow', country: 'RU', city: 'Moscow' };
const SEOUL = { precinctId: '9999-932', zone: 'Asia/Seoul', country: 'KR', city: 'Seoul' };
const voters = {
  [MOSCOW.precinctId]: [personalNumberOf(1, '02021970'), personalNumberOf(2, '02021970')],
  [SEOUL.precinctId]: [personalNumberOf(3, '02021970'), personalNumberOf(4, '02021970')],
};

const local = (zone: string, time: string) =>
  DateTime.fromISO(`2030-11-24T${time}`, { zone }).toUTC().toISO() as string;

describe('polling hours local to each precinct, through the HTTP API: consular precincts in Moscow and Seoul', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;

  const openPolls = async (precinctId: string) =>
    turnout.http
      .post(`/elections/${electionId}/precincts/${precinctId}/polls/open`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('commission', 'chair', precinctsScope(electionId, precinctId))}`,
      );
  const checkIn = async (precinctId: string, personalNumber: string) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw-1', precinctsScope(electionId, precinctId))}`,
      )
      .send({
        checkInId: uuidv7(),
        personalNumber,
        precinctId,
        method: 'abroad',
        identification: 'document',
      });

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock(local(SEOUL.zone, '05:00')));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [MOSCOW.precinctId, SEOUL.precinctId],
      listed: Object.fromEntries(
        Object.entries(voters).flatMap(([precinctId, listed]) => listed.map((pin) => [pin, precinctId])),
      ),
    });
    // registered anew with the host city's zone, as a geography re-import does
    await feed.publish(
      ...[MOSCOW, SEOUL].map(({ precinctId, country, city, zone }) => ({
        type: 'PrecinctRegistered',
        payload: abroadPrecinctPayload(precinctId, { country, city, timeZone: zone }),
      })),
    );
    await eventually(async () => {
      const rows: { n: number }[] = await turnout.dataSource.query(
        `select count(*)::int as n from precincts where (precinct_id, time_zone) in (($1, $2), ($3, $4))`,
        [MOSCOW.precinctId, MOSCOW.zone, SEOUL.precinctId, SEOUL.zone],
      );
      return rows[0]?.n === 2 ? true : undefined;
    }, 'the precincts in their zones');
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it.each([SEOUL, MOSCOW])(
    'given 06:59:59 in $city, when its commission opens the polls, then 422 names 07:00 $zone; at 07:00 local, 201',
    async ({ precinctId, zone }) => {
      turnout.clock.set(local(zone, '06:59:59'));
      const early = await openPolls(precinctId);
      turnout.clock.set(local(zone, '07:00'));
      const onTime = await openPolls(precinctId);

      expect([early.status, early.body.message]).toEqual([
        422,
        `polls open at 2030-11-24 07:00:00 ${zone} at the earliest; it is 2030-11-24 06:59:59 ${zone}`,
      ]);
      expect([onTime.status, onTime.body.openedAt]).toEqual([201, local(zone, '07:00')]);
    },
  );

  it.each([SEOUL, MOSCOW])(
    'given open polls in $city, when voters come at 19:59 and 20:01 local, then the first is checked in and the second refused',
    async ({ precinctId, zone }) => {
      const [first, second] = voters[precinctId] as string[];
      turnout.clock.set(local(zone, '19:59'));
      const inTime = await checkIn(precinctId, first as string);
      turnout.clock.set(local(zone, '20:01'));
      const late = await checkIn(precinctId, second as string);

      expect(inTime.status).toBe(201);
      expect([late.status, late.body.code, late.body.message]).toEqual([
        422,
        'polls-closed',
        `polls closed at 2030-11-24 20:00:00 ${zone}; the check-in was made at 2030-11-24 20:01:00 ${zone}`,
      ]);
    },
  );

  it('given a check-in at 19:59 local in each, when the CEC reads the hourly figures, then each counts by its own clock: at 20:00, not at 18:00', async () => {
    const operator = await turnout.token('cec-operator', 'cec-1');
    const hourly = async (precinctId: string) =>
      (
        await turnout.http
          .get(`/elections/${electionId}/turnout?level=precinct&code=${precinctId}`)
          .set('authorization', `Bearer ${operator}`)
      ).body.byHour?.map((hour: { at: string; checkedIn: number }) => [hour.at, hour.checkedIn]);

    const expected = [
      ['10:00', 0],
      ['12:00', 0],
      ['15:00', 0],
      ['18:00', 0],
      ['20:00', 1],
    ];
    await eventually(
      async () => ((await hourly(MOSCOW.precinctId))?.[4]?.[1] === 1 ? true : undefined),
      'the check-ins projected',
    );
    expect(await hourly(MOSCOW.precinctId)).toEqual(expected);
    await eventually(
      async () => ((await hourly(SEOUL.precinctId))?.[4]?.[1] === 1 ? true : undefined),
      'the check-ins projected',
    );
    expect(await hourly(SEOUL.precinctId)).toEqual(expected);
  });
});
