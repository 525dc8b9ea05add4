import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { byKey, readTopic } from '@vl/testing';
import { eventsInStream, logSize, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const HOME = '1101-011';
const OTHER = '1101-012';
const CLOSED = '1101-013';
const voter = (n: number) => personalNumberOf(n, '20071975');
const [atHome, transferred, included, unlisted] = [voter(1), voter(2), voter(3), voter(4)] as const;

describe('POST /elections/:id/check-ins: one voter at a time, through HTTP, PostgreSQL and Kafka', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let pollWorker: string;

  const checkIn = (body: Record<string, unknown>, token = pollWorker) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set('authorization', `Bearer ${token}`)
      .send(body);
  const presented = (personalNumber: string, precinctId: string) => ({
    checkInId: uuidv7(),
    personalNumber,
    precinctId,
    method: 'station',
    identification: 'biometric',
  });

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [HOME, OTHER, CLOSED],
      listed: { [atHome]: HOME, [transferred]: HOME },
      transfers: [{ personalNumber: transferred, serial: 'AC-7001', from: HOME, to: OTHER }],
      inclusions: [{ personalNumber: included, precinctId: OTHER }],
    });
    await openPolls(turnout, electionId, [HOME, OTHER]);
    turnout.clock.set('2030-11-24T03:00:00.000Z'); // 09:00 in Bishkek
    pollWorker = await turnout.token(
      'poll-worker',
      'pw-1101-011-a',
      precinctsScope(electionId, HOME, OTHER, CLOSED),
    );
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a voter on the list, when checked in and the request retried, then 201 twice with the same answer and one VoterCheckedIn', async () => {
    const body = presented(atHome, HOME);

    const first = await checkIn(body);
    const retried = await checkIn(body);

    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      outcome: 'accepted',
      checkInId: body.checkInId,
      precinctId: HOME,
      checkedInAt: '2030-11-24T03:00:00.000Z',
      clock: 'server',
    });
    expect([retried.status, retried.body]).toEqual([201, first.body]);
    expect(await eventsInStream(turnout, electionId, atHome)).toEqual(['VoterCheckedIn']);
  });

  it('given the voter was checked in at home, when a poll worker of another precinct presents them, then 409 says only that they took part, and the answer is a recorded read', async () => {
    turnout.clock.set('2030-11-24T05:30:00.000Z');
    const body = presented(atHome, OTHER);
    const elsewhere = await turnout.token('poll-worker', 'pw-1101-012-b', precinctsScope(electionId, OTHER));

    const response = await checkIn(body, elsewhere);

    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      outcome: 'duplicate',
      checkInId: body.checkInId,
      attemptedPrecinctId: OTHER,
      attemptedAt: '2030-11-24T05:30:00.000Z',
      message:
        'the voter has already taken part in this election; this attempt is recorded as an integrity alert for the commission and the CEC',
    });
    expect(JSON.stringify(response.body)).not.toMatch(new RegExp(`${HOME}|03:00|09:00`));
    const recorded = {
      reader: {
        subject: 'pw-1101-012-b',
        role: 'poll-worker',
        scope: JSON.stringify(precinctsScope(electionId, OTHER)),
      },
      purpose: 'repeated-check-in',
      personalNumber: atHome,
      electionId,
      precinctId: OTHER,
      found: true,
      readAt: '2030-11-24T05:30:00.000Z',
    };
    const rows: { payload: unknown }[] = await turnout.dataSource.query(
      "select payload from events where type = 'ParticipationRead' and payload->>'personalNumber' = $1",
      [atHome],
    );
    expect(rows.map((row) => row.payload)).toEqual([recorded]);
    const published = await readTopic('turnout.participation-reads.v1', {
      keep: ({ key, envelope }) => key === atHome && envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(published.map(({ envelope }) => envelope.payload)).toEqual([recorded]);
  });

  it('given an absentee certificate, when checked in at home then at the voting precinct, then 422 transferred-away and 201', async () => {
    const atHomeList = await checkIn(presented(transferred, HOME));
    const atVotingPrecinct = await checkIn(presented(transferred, OTHER));

    expect([atHomeList.status, atHomeList.body.code]).toEqual([422, 'transferred-away']);
    expect(atHomeList.body.message).toBe(
      `the voter holds absentee certificate AC-7001 to vote at the precinct it names; the list of ${HOME} is marked with it`,
    );
    expect(atVotingPrecinct.status).toBe(201);
  });

  it('given a polling-day inclusion, when checked in there, then 201; a citizen on no list gets 422 not-on-list', async () => {
    expect((await checkIn(presented(included, OTHER))).status).toBe(201);

    const stranger = await checkIn(presented(unlisted, HOME));

    expect([stranger.status, stranger.body.outcome, stranger.body.code]).toEqual([
      422,
      'rejected',
      'not-on-list',
    ]);
    expect(await eventsInStream(turnout, electionId, unlisted)).toEqual([]);
  });

  it('given a precinct whose polls were never opened, when a voter is checked in there, then 422 polls-not-open', async () => {
    const response = await checkIn(presented(voter(5), CLOSED));

    expect(response.body).toEqual(
      expect.objectContaining({
        outcome: 'rejected',
        code: 'polls-not-open',
        message: `polls at ${CLOSED} have not been opened`,
      }),
    );
    expect(response.status).toBe(422);
  });

  it('given bad input, when checked in, then 400 names every field and rule and nothing is appended', async () => {
    const logBefore = await logSize(turnout);

    const response = await checkIn({
      checkInId: '6f1c7e1e-2b7a-4c1e-9d7e-0c1f2a3b4c5d',
      personalNumber: '2150319900001',
      precinctId: '1101011',
      method: 'postal',
      identification: 'biometric',
      ballot: 7,
    });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'checkInId',
      'personalNumber',
      'precinctId',
      'method',
      '(body)',
    ]);
    expect(response.body.message).toContain(
      'checkInId: expected a UUID v7 minted by the poll book for this check-in',
    );
    expect(response.body.message).toContain('precinctId: expected a precinct code NNNN-NNN');
    expect(await logSize(turnout)).toBe(logBefore);
  });

  it('given a path that is not an election id, when checked in, then 400 names electionId', async () => {
    const response = await turnout.http
      .post('/elections/2030/check-ins')
      .set('authorization', `Bearer ${pollWorker}`)
      .send(presented(atHome, HOME));

    expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'electionId']);
  });

  it('given an election turnout never heard of, when checked in, then 404', async () => {
    const unknown = uuidv7();
    const response = await turnout.http
      .post(`/elections/${unknown}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw', precinctsScope(unknown, HOME))}`,
      )
      .send(presented(atHome, HOME));

    expect([response.status, response.body.code]).toEqual([404, 'unknown-election']);
  });

  it('given no token or a commission token, when checking in, then 401 and 403: only poll workers check voters in', async () => {
    expect(
      (await turnout.http.post(`/elections/${electionId}/check-ins`).send(presented(atHome, HOME))).status,
    ).toBe(401);
    expect((await checkIn(presented(atHome, HOME), await turnout.token('commission'))).status).toBe(403);
  });

  it('given a poll worker of another precinct or election, when checking a voter in, then 403 names the scope and nothing is appended', async () => {
    const before = await turnout.eventCounts();
    const elsewhere = await turnout.token(
      'poll-worker',
      'pw-1101-099',
      precinctsScope(electionId, '1101-099'),
    );
    const refused = await checkIn(presented(voter(9), HOME), elsewhere);
    expect([refused.status, refused.body.errors]).toEqual([
      403,
      [
        {
          field: 'scope',
          rule: `the token serves precinct 1101-099 of election ${electionId}, not precinct ${HOME}`,
        },
      ],
    ]);
    const otherElection = await turnout.token('poll-worker', 'pw', precinctsScope(uuidv7(), HOME));
    const refusedThere = await checkIn(presented(voter(9), HOME), otherElection);
    expect([refusedThere.status, refusedThere.body.errors[0].field]).toEqual([403, 'scope']);
    // integrity alerts of earlier check-ins may still be raised meanwhile; the refused requests append nothing
    const { IntegrityAlertRaised: _before, ...appendedBefore } = before;
    const { IntegrityAlertRaised: _after, ...appendedAfter } = await turnout.eventCounts();
    expect(appendedAfter).toEqual(appendedBefore);
    expect(await eventsInStream(turnout, electionId, voter(9))).toEqual([]);
  });

  it('given the answers so far, when /metrics is scraped, then they are counted by outcome and rule, never by voter or precinct', async () => {
    const metrics = (await turnout.http.get('/metrics').expect(200)).text;

    expect(metrics).toMatch(
      /turnout_check_in_answers_total\{outcome="accepted",code="",service="turnout"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /turnout_check_in_answers_total\{outcome="rejected",code="not-on-list",service="turnout"\} 1/,
    );
    expect(metrics).not.toContain(atHome);
    expect(metrics).not.toContain(HOME);
  });

  it('given the accepted and refused attempts, when turnout.check-ins.v1 is read, then each decided attempt is there once, keyed by the voter, and nothing else', async () => {
    const messages = await readTopic('turnout.check-ins.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 4,
    });

    expect(byKey(messages).map(({ key, envelope }) => [envelope.type, key, envelope.producer])).toEqual([
      ['VoterCheckedIn', atHome, 'turnout'],
      ['DuplicateCheckInRejected', atHome, 'turnout'],
      ['VoterCheckedIn', transferred, 'turnout'],
      ['VoterCheckedIn', included, 'turnout'],
    ]);
    expect(byKey(messages)[0]?.envelope.payload).toEqual({
      electionId,
      personalNumber: atHome,
      precinctId: HOME,
      method: 'station',
      identification: 'biometric',
      pollWorker: { subject: 'pw-1101-011-a', role: 'poll-worker' },
      checkedInAt: '2030-11-24T03:00:00.000Z',
      device: null,
    });
  });
});
