import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { readTopic } from '@vl/testing';
import { eventsInStream, logSize, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const HOME = '1101-031';
const voter = personalNumberOf(1, '05051955');
const neverCheckedIn = personalNumberOf(2, '05051955');
const REASON = 'the poll worker scanned the namesake on the next line';
const noneHere = (precinctId: string) =>
  `no check-in of this voter stands at precinct ${precinctId}; a precinct commission withdraws only its own precinct's check-ins`;

describe('POST /elections/:id/check-ins/:personalNumber/revoke: a commission member withdraws a check-in', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let member: string;
  const firstCheckIn = {
    checkInId: uuidv7(),
    personalNumber: voter,
    precinctId: HOME,
    method: 'station',
    identification: 'biometric',
  };

  const checkIn = async (body: Record<string, unknown>) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', undefined, precinctsScope(electionId, body.precinctId as string))}`,
      )
      .send(body);
  const revoke = (
    personalNumber: string,
    body: Record<string, unknown>,
    token = member,
    election = electionId,
  ) =>
    turnout.http
      .post(`/elections/${election}/check-ins/${personalNumber}/revoke`)
      .set('authorization', `Bearer ${token}`)
      .send(body);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [HOME],
      listed: { [voter]: HOME, [neverCheckedIn]: HOME },
    });
    await openPolls(turnout, electionId, [HOME]);
    member = await turnout.token('commission', 'member-1101-031-secretary', precinctsScope(electionId, HOME));
    turnout.clock.set('2030-11-24T03:00:00.000Z');
    expect((await checkIn(firstCheckIn)).status).toBe(201);
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a check-in, when a commission member revokes it with a reason, then 201 with CheckInRevoked; revoking again is 403: none stands here', async () => {
    const response = await revoke(voter, { reason: `  ${REASON}  ` });
    const again = await revoke(voter, { reason: REASON });

    expect([response.status, response.body]).toEqual([
      201,
      {
        outcome: 'revoked',
        electionId,
        precinctId: HOME,
        reason: REASON,
        revokedBy: { subject: 'member-1101-031-secretary', role: 'commission' },
      },
    ]);
    expect([again.status, again.body.errors]).toEqual([403, [{ field: 'scope', rule: noneHere(HOME) }]]);
  });

  it('given the revoked check-in, when the voter is checked in again, then 201; the first checkInId retried still answers as first', async () => {
    turnout.clock.set('2030-11-24T04:00:00.000Z');

    const again = await checkIn({ ...firstCheckIn, checkInId: uuidv7() });
    const retryOfFirst = await checkIn(firstCheckIn);

    expect([again.status, again.body.checkedInAt]).toEqual([201, '2030-11-24T04:00:00.000Z']);
    expect([retryOfFirst.status, retryOfFirst.body.checkedInAt]).toEqual([201, '2030-11-24T03:00:00.000Z']);
    expect(await eventsInStream(turnout, electionId, voter)).toEqual([
      'VoterCheckedIn',
      'CheckInRevoked',
      'VoterCheckedIn',
    ]);
  });

  it('given a voter never checked in, when revoked, then 403 (none stands here) and nothing is appended', async () => {
    const before = await logSize(turnout);

    expect((await revoke(neverCheckedIn, { reason: REASON })).status).toBe(403);
    expect(await logSize(turnout)).toBe(before);
  });

  it('given a short reason, a malformed personal number, a poll worker or an unknown election, then 400, 400, 403 and 404', async () => {
    const short = await revoke(voter, { reason: '  mistake  ' });
    const malformed = await revoke('1234', { reason: REASON });

    expect([short.status, short.body.errors]).toEqual([
      400,
      [{ field: 'reason', rule: 'expected at least 10 characters: say why the check-in is withdrawn' }],
    ]);
    expect([malformed.status, malformed.body.errors?.[0]?.field]).toEqual([400, 'personalNumber']);
    expect((await revoke(voter, { reason: REASON }, await turnout.token('poll-worker'))).status).toBe(403);
    const unknownElection = uuidv7();
    const memberThere = await turnout.token('commission', 'member', precinctsScope(unknownElection, HOME));
    expect((await revoke(voter, { reason: REASON }, memberThere, unknownElection)).status).toBe(404);
  });

  it('given a member of another precinct, when revoking, then the same 403 as for a voter never checked in: it tells neither whether nor where; nothing is appended', async () => {
    const before = await logSize(turnout);
    const elsewhere = await turnout.token(
      'commission',
      'member-1101-032',
      precinctsScope(electionId, '1101-032'),
    );
    const refused = await revoke(voter, { reason: REASON }, elsewhere);
    const neverThere = await revoke(neverCheckedIn, { reason: REASON }, elsewhere);
    expect([refused.status, refused.body]).toEqual([403, neverThere.body]);
    expect(refused.body.errors).toEqual([{ field: 'scope', rule: noneHere('1101-032') }]);
    expect(JSON.stringify(refused.body)).not.toContain(HOME);
    const otherElection = await revoke(voter, { reason: REASON }, member, uuidv7());
    expect([otherElection.status, otherElection.body.errors[0].field]).toEqual([403, 'scope']);
    expect(await logSize(turnout)).toBe(before);
  });

  it("given the revocation, when turnout.check-ins.v1 is read, then the voter's events are in order under the voter's key", async () => {
    const messages = await readTopic('turnout.check-ins.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 3,
    });

    expect(messages.map(({ key, envelope }) => [envelope.type, key])).toEqual([
      ['VoterCheckedIn', voter],
      ['CheckInRevoked', voter],
      ['VoterCheckedIn', voter],
    ]);
    expect(messages[1]?.envelope.payload).toEqual({
      electionId,
      personalNumber: voter,
      precinctId: HOME,
      reason: REASON,
      revokedBy: { subject: 'member-1101-031-secretary', role: 'commission' },
    });
  });

  it('given the revocation answered 201, when the log and turnout.participation-reads.v1 are read, then it is a ParticipationRead naming the member, role, scope and purpose', async () => {
    const recorded = {
      reader: {
        subject: 'member-1101-031-secretary',
        role: 'commission',
        scope: JSON.stringify(precinctsScope(electionId, HOME)),
      },
      purpose: 'check-in-revocation',
      personalNumber: voter,
      electionId,
      precinctId: null,
      found: true,
      readAt: '2030-11-24T03:00:00.000Z',
    };
    const rows: { payload: unknown }[] = await turnout.dataSource.query(
      "select payload from events where type = 'ParticipationRead' and payload->>'personalNumber' = $1",
      [voter],
    );

    expect(rows.map((row) => row.payload)).toEqual([recorded]);
    const published = await readTopic('turnout.participation-reads.v1', {
      keep: ({ key, envelope }) => key === voter && envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(published.map(({ envelope }) => envelope.payload)).toEqual([recorded]);
  });
});
