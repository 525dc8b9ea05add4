import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { eventually, readTopic } from '@vl/testing';
import { voterAbsentId } from '../domain/absences';

import { logSize, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const P1 = '1101-041';
const P2 = '1101-042';
const NEVER_OPENED = '1101-043';
const voter = (serial: number) => personalNumberOf(serial, '12071980');
const checkedIn = voter(1);
const neverCame = voter(2);
const transferredAway = voter(3);
const revoked = voter(4);
const includedAndCheckedIn = voter(5);
const includedNeverCame = voter(6);
const listedWhereNoPollsOpened = voter(7);
const transferredAndCheckedIn = voter(8);

// Bishkek is UTC+6: polls 07:00–20:00 are 01:00Z–14:00Z, and the 30-minute grace ends at 14:30Z at the earliest
describe('POST /elections/:id/participation/finalize: the close of polling day and the absences', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let operator: string;

  const finalize = async (token = operator) =>
    turnout.http
      .post(`/elections/${electionId}/participation/finalize`)
      .set('authorization', `Bearer ${token}`);
  const status = async (token = operator) =>
    turnout.http.get(`/elections/${electionId}/participation`).set('authorization', `Bearer ${token}`);
  const checkIn = async (personalNumber: string, precinctId: string) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', undefined, precinctsScope(electionId, precinctId))}`,
      )
      .send({
        checkInId: uuidv7(),
        personalNumber,
        precinctId,
        method: 'station',
        identification: 'document',
      });
  const commission = async (path: string, body: Record<string, unknown> = {}) =>
    turnout.http
      .post(`/elections/${electionId}/${path}`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('commission', 'chair', precinctsScope(electionId, P1, P2, NEVER_OPENED))}`,
      )
      .send(body);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    // pages of two registered voters: the derivation crosses several pages and appends
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'), {
      absenceDerivation: { pageSize: 2 },
    });
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [P1, P2, NEVER_OPENED],
      listed: {
        [checkedIn]: P1,
        [neverCame]: P1,
        [transferredAway]: P1,
        [revoked]: P2,
        [listedWhereNoPollsOpened]: NEVER_OPENED,
        [transferredAndCheckedIn]: P2,
      },
      transfers: [
        { personalNumber: transferredAway, serial: 'AC-000101', from: P1, to: P2 },
        { personalNumber: transferredAndCheckedIn, serial: 'AC-000102', from: P2, to: P1 },
      ],
      inclusions: [
        { personalNumber: includedAndCheckedIn, precinctId: P2 },
        { personalNumber: includedNeverCame, precinctId: P1 },
      ],
    });
    await feed.publish(
      ...[P1, P2, NEVER_OPENED].map((precinctId) => ({
        type: 'VoterListFinalized',
        payload: { electionId, precinctId, voterCount: 2, merkleRoot: 'bWVya2xlIHJvb3Qgb2YgYSBsaXN0' },
      })),
    );
    await eventually(async () => {
      const [row] = (await turnout.dataSource.query(
        'select count(*)::int as n from voter_list_finalizations where election_id = $1',
        [electionId],
      )) as { n: number }[];
      return row?.n === 3 ? true : undefined;
    }, 'turnout projecting the finalized lists');
    operator = await turnout.token('cec-operator', 'cec-operator-7');
    await openPolls(turnout, electionId, [P1, P2]);
    turnout.clock.set('2030-11-24T03:00:00.000Z');
    for (const [personalNumber, precinctId] of [
      [checkedIn, P1],
      [revoked, P2],
      [includedAndCheckedIn, P2],
      [transferredAndCheckedIn, P1],
    ] as const) {
      expect((await checkIn(personalNumber, precinctId)).status).toBe(201);
    }
    expect(
      (await commission(`check-ins/${revoked}/revoke`, { reason: 'the namesake on the next line' })).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given polling day under way, when the status is asked, then 404: participation is not final', async () => {
    expect((await status()).status).toBe(404);
  });

  it('given 20:20 in Bishkek, when finalized, then 409 before-official-close and nothing is appended', async () => {
    turnout.clock.set('2030-11-24T14:20:00.000Z');
    const before = await logSize(turnout);
    const response = await finalize();
    expect([response.status, response.body.error]).toEqual([409, 'before-official-close']);
    expect(await logSize(turnout)).toBe(before);
  });

  it('given polls still open at one precinct, when finalized at 20:40, then 409 polls-still-open names it', async () => {
    turnout.clock.set('2030-11-24T14:00:00.000Z');
    expect((await commission(`precincts/${P1}/polls/close`)).status).toBe(201);
    turnout.clock.set('2030-11-24T14:40:00.000Z');
    const response = await finalize();
    expect([response.status, response.body]).toEqual([
      409,
      {
        statusCode: 409,
        error: 'polls-still-open',
        message: `polls are still open at 1 precinct(s): ${P2}; their commissions must close them first`,
        errors: [
          {
            field: '(request)',
            rule: `polls are still open at 1 precinct(s): ${P2}; their commissions must close them first`,
          },
        ],
      },
    ]);
  });

  it('given the last precinct closed at 20:40, when finalized at 21:09:59, then 409 grace-period-not-over until 21:10', async () => {
    expect((await commission(`precincts/${P2}/polls/close`)).status).toBe(201);
    turnout.clock.set('2030-11-24T15:09:59.000Z');
    const response = await finalize();
    expect([response.status, response.body.error, response.body.message]).toEqual([
      409,
      'grace-period-not-over',
      `late check-ins may still arrive at 1 precinct(s) for 30 min after PollsClosed: ${P2} (until 2030-11-24 21:10:00 Asia/Bishkek)`,
    ]);
    expect((await status()).status).toBe(404);
  });

  it('given every grace over, when finalized, then 202 with the figures from the log, and exactly the absentees get VoterAbsent on turnout.absences.v1', async () => {
    turnout.clock.set('2030-11-24T15:10:00.000Z');
    const response = await finalize();
    const figures = {
      electionId,
      finalizedAt: '2030-11-24T15:10:00.000Z',
      precincts: 3,
      registered: 8,
      participated: 3,
      absent: 5,
    };
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject(figures);
    const derived = await eventually(async () => {
      const answer = await status(await turnout.token('auditor'));
      return answer.body.state === 'derived' ? answer.body : undefined;
    }, 'absences derived');
    expect(derived).toEqual({ ...figures, state: 'derived', absencesDerived: 5 });

    const finalized = await readTopic('turnout.participation.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(
      finalized.map((message) => [message.key, message.envelope.type, message.envelope.payload]),
    ).toEqual([
      [
        electionId,
        'ParticipationFinalized',
        { ...figures, finalizedBy: { subject: 'cec-operator-7', role: 'cec-operator' } },
      ],
    ]);
    const absences = await readTopic('turnout.absences.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 5,
    });
    expect(
      absences
        .map((message) => ({
          key: message.key,
          id: message.envelope['eventId'],
          ...message.envelope.payload,
        }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    ).toEqual(
      [
        [neverCame, P1],
        [transferredAway, P2],
        [revoked, P2],
        [includedNeverCame, P1],
        [listedWhereNoPollsOpened, NEVER_OPENED],
      ]
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([personalNumber, precinctId]) => ({
          key: personalNumber,
          id: voterAbsentId(
            { electionId, electionDate: '2030-11-24', finalizedAt: '2030-11-24T15:10:00.000Z' },
            personalNumber as string,
          ),
          electionId,
          personalNumber,
          electionDate: '2030-11-24',
          precinctId,
        })),
    );
  });

  it('given participation finalized, when finalized again, then 202 with the same status and nothing appended', async () => {
    turnout.clock.set('2030-11-24T16:00:00.000Z');
    const before = await logSize(turnout);
    const again = await finalize(await turnout.token('cec-operator', 'another-operator'));
    expect([again.status, again.body]).toEqual([202, (await status()).body]);
    expect(again.body.finalizedAt).toBe('2030-11-24T15:10:00.000Z');
    expect(await logSize(turnout)).toBe(before);
  });

  it('given participation finalized, when a voter is checked in, a check-in revoked or polls opened, then each is refused as participation-finalized', async () => {
    const before = await logSize(turnout);
    const late = await checkIn(neverCame, P1);
    const revocation = await commission(`check-ins/${checkedIn}/revoke`, { reason: 'too late to change' });
    const opening = await commission(`precincts/${NEVER_OPENED}/polls/open`);
    expect([late.status, late.body.code]).toEqual([422, 'participation-finalized']);
    expect([revocation.status, opening.status]).toEqual([409, 422]);
    expect([revocation.body.message, opening.body.message]).toEqual([
      expect.stringContaining('was finalized at 2030-11-24 21:10:00 Asia/Bishkek'),
      expect.stringContaining('was finalized at 2030-11-24 21:10:00 Asia/Bishkek'),
    ]);
    expect(await logSize(turnout)).toBe(before);
  });

  it('given the roles, when a poll worker or a commission finalizes or reads the status, then 403', async () => {
    const pollWorker = await turnout.token('poll-worker');
    expect((await finalize(await turnout.token('commission'))).status).toBe(403);
    expect((await status(pollWorker)).status).toBe(403);
    expect((await finalize(await turnout.token('auditor'))).status).toBe(403);
  });
});
