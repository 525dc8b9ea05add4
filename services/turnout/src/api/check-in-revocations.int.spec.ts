import { v7 as uuidv7 } from 'uuid';
import { readTopic } from '@vl/testing';
import { eventsInStream, logSize, openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const HOME = '1101-031';
const voter = personalNumberOf(1, '05051955');
const neverCheckedIn = personalNumberOf(2, '05051955');
const REASON = 'the poll worker scanned the namesake on the next line';

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
      .set('authorization', `Bearer ${await turnout.token('poll-worker')}`)
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
    member = await turnout.token('commission', 'member-1101-031-secretary');
    turnout.clock.set('2030-11-24T03:00:00.000Z');
    expect((await checkIn(firstCheckIn)).status).toBe(201);
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a check-in, when a commission member revokes it with a reason, then 201 with CheckInRevoked; revoking again is 409', async () => {
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
    expect([again.status, again.body.message]).toEqual([
      409,
      'the voter has no check-in in this election to revoke',
    ]);
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

  it('given a voter never checked in, when revoked, then 409 and nothing is appended', async () => {
    const before = await logSize(turnout);

    expect((await revoke(neverCheckedIn, { reason: REASON })).status).toBe(409);
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
    expect((await revoke(voter, { reason: REASON }, member, uuidv7())).status).toBe(404);
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
});
