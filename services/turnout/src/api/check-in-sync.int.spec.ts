import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { readTopic } from '@vl/testing';
import { bishkek } from '../domain/check-in.fixtures';
import { eventsInStream, logSize, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const STATION_A = '1101-071';
const STATION_B = '1101-072';
const listedAtA = Array.from({ length: 299 }, (_, index) => personalNumberOf(index + 1, '14021988'));
const atBoth = personalNumberOf(500, '14021988');
const stranger = personalNumberOf(501, '14021988');
const fastClock = personalNumberOf(502, '14021988');

interface Answer {
  readonly outcome: string;
  readonly checkInId: string;
  readonly code?: string;
  readonly checkedInAt?: string;
  readonly clock?: string;
}

describe('POST /elections/:id/check-ins/batch: offline poll books sync their logs', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let pageFromA: Record<string, unknown>;

  const item = (personalNumber: string, precinctId: string, sequence: number, deviceTime: string) => ({
    checkInId: uuidv7(),
    personalNumber,
    precinctId,
    method: 'station',
    identification: 'biometric',
    sequence,
    deviceTime,
  });
  const sync = async (body: Record<string, unknown>) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins/batch`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw-sync', precinctsScope(electionId, STATION_A, STATION_B))}`,
      )
      .send(body);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock(bishkek('07:00')));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [STATION_A, STATION_B],
      listed: Object.fromEntries([...listedAtA, atBoth, fastClock].map((voter) => [voter, STATION_A])),
      inclusions: [{ personalNumber: atBoth, precinctId: STATION_B }],
    });
    await openPolls(turnout, electionId, [STATION_A, STATION_B]);
    const page = [
      ...listedAtA.map((voter, index) =>
        item(voter, STATION_A, index + 1, bishkek(`07:30:${String(index % 60).padStart(2, '0')}`)),
      ),
      item(atBoth, STATION_A, 300, bishkek('10:05')),
      item(stranger, STATION_A, 301, bishkek('10:06')),
      item(listedAtA[0] as string, STATION_A, 302, bishkek('11:00')),
      item(fastClock, STATION_A, 303, bishkek('12:30')),
    ];
    pageFromA = { deviceId: 'pb-1101-071-a', checkIns: page };
    turnout.clock.set(bishkek('12:00'));
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a page of 303 check-ins, when synced, then every one is answered in order and all are appended in one transaction', async () => {
    const response = await sync(pageFromA);

    expect(response.status).toBe(200);
    expect([response.body.accepted, response.body.duplicates, response.body.rejected]).toEqual([301, 1, 1]);
    const answers = response.body.outcomes as Answer[];
    expect(answers.map((answer) => answer.checkInId)).toEqual(
      (pageFromA['checkIns'] as { checkInId: string }[]).map((checkIn) => checkIn.checkInId),
    );
    expect(answers[0]).toMatchObject({
      outcome: 'accepted',
      checkedInAt: bishkek('07:30:00'),
      clock: 'device',
    });
    expect(answers[300]).toMatchObject({ outcome: 'rejected', code: 'not-on-list' });
    expect(answers[301]).toMatchObject({ outcome: 'duplicate' });
    expect(answers[301]).not.toHaveProperty('firstCheckedInAt');
    // its clock ran 30 minutes ahead of the server: the server's receive time stands for it
    expect(answers[302]).toMatchObject({
      outcome: 'accepted',
      checkedInAt: bishkek('12:00'),
      clock: 'server',
    });
    const [transactions] = (await turnout.dataSource.query(
      `select count(distinct tx_id)::int as n, count(*)::int as events from events where stream_id like $1`,
      [`check-in-${electionId}-%`],
    )) as { n: number; events: number }[];
    expect(transactions).toEqual({ n: 1, events: 302 });
  });

  it('given the same page synced again, when answered, then the answers are the same and nothing is appended', async () => {
    const before = await logSize(turnout);
    const first = await sync(pageFromA);

    const again = await sync(pageFromA);

    expect(again.body).toEqual(first.body);
    expect(await logSize(turnout)).toBe(before);
  });

  it('given book A synced the voter at 10:05, when book B syncs a check-in of the same voter made at 10:01, then B keeps the voter and A becomes the alert', async () => {
    turnout.clock.set(bishkek('12:30'));

    const response = await sync({
      deviceId: 'pb-1101-072-b',
      checkIns: [item(atBoth, STATION_B, 17, bishkek('10:01'))],
    });

    expect(response.body.outcomes[0]).toMatchObject({
      outcome: 'accepted',
      precinctId: STATION_B,
      checkedInAt: bishkek('10:01'),
    });
    expect(await eventsInStream(turnout, electionId, atBoth)).toEqual([
      'VoterCheckedIn',
      'CheckInRevoked',
      'VoterCheckedIn',
      'DuplicateCheckInRejected',
    ]);
    const onTopic = await readTopic('turnout.check-ins.v1', {
      keep: (message) => message.key === atBoth && message.envelope.payload['electionId'] === electionId,
      until: 4,
    });
    expect(
      onTopic.map(({ envelope }) => [
        envelope.type,
        envelope.payload['precinctId'] ?? envelope.payload['attemptedPrecinctId'],
      ]),
    ).toEqual([
      ['VoterCheckedIn', STATION_A],
      ['CheckInRevoked', STATION_A],
      ['VoterCheckedIn', STATION_B],
      ['DuplicateCheckInRejected', STATION_A],
    ]);
  });

  it('given one malformed check-in in a page, when synced, then 400 names it by position and nothing of the page is appended', async () => {
    const before = await logSize(turnout);
    const page = [
      item(personalNumberOf(600, '14021988'), STATION_A, 400, bishkek('09:00')),
      { ...item(stranger, STATION_A, 401, bishkek('09:01')), personalNumber: '21402198800' },
    ];

    const response = await sync({ deviceId: 'pb-1101-071-a', checkIns: page });

    expect([response.status, response.body.errors]).toEqual([
      400,
      [{ field: 'checkIns.1.personalNumber', rule: expect.stringContaining('expected a personal number') }],
    ]);
    expect(await logSize(turnout)).toBe(before);
  });

  it('given a page of 401 check-ins or none, when synced, then 400: a page holds 1 to 400', async () => {
    const tooMany = Array.from({ length: 401 }, (_, index) =>
      item(personalNumberOf(index + 1, '14021988'), STATION_A, index, bishkek('09:00')),
    );

    const big = await sync({ deviceId: 'pb-1101-071-a', checkIns: tooMany });
    const empty = await sync({ deviceId: 'pb-1101-071-a', checkIns: [] });

    expect([big.status, big.body.errors?.[0]?.field]).toEqual([400, 'checkIns']);
    expect([empty.status, empty.body.errors?.[0]?.field]).toEqual([400, 'checkIns']);
  });
});
