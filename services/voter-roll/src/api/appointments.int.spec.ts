import { precinctsScope } from '@vl/auth';
import type { ServiceUnderTest } from '@vl/testing';
import { callElection, pollingCountry } from '../testing/polling-country';
import { startVoterRoll } from '../testing/voter-roll-under-test';

const CHAIR = '21503199000123';
const SECRETARY = '11503199000124';

describe('appointments: a precinct chair registers poll workers; the identity provider asks which scopes a subject may get', () => {
  let voterRoll: ServiceUnderTest;
  let electionId: string;
  const register = (precinctId: string, subject: string, body: unknown, election = electionId) =>
    voterRoll.request('POST', `/elections/${election}/precincts/${precinctId}/poll-workers`, {
      roles: ['commission'],
      scope: precinctsScope(election, precinctId),
      subject,
      json: body,
    });
  const appointments = (subject: string) =>
    voterRoll.request('GET', `/elections/${electionId}/appointments/${subject}`);

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    electionId = await pollingCountry(voterRoll, ['aigul']);
    const members = [
      'precinct_code,personal_number,position',
      `0101-001,${CHAIR},chair`,
      `0101-001,${SECRETARY},secretary`,
      '',
    ];
    const imported = await voterRoll.request('POST', '/imports/commission-members', {
      csv: members.join('\n'),
    });
    expect(imported.status).toBe(200);
  });
  afterAll(() => voterRoll?.close());

  it('given the chair, when registering a poll worker with a poll book, then 201 and the appointment gives the precinct scope', async () => {
    const answer = await register('0101-001', CHAIR, { subject: 'pw-aida', deviceIds: ['pb-0101-001-1'] });
    expect(answer).toEqual({
      status: 201,
      body: { electionId, precinctId: '0101-001', subject: 'pw-aida', deviceIds: ['pb-0101-001-1'] },
    });
    expect(await voterRoll.eventCounts()).toMatchObject({ PollWorkerRegistered: 1 });
    expect(
      (await register('0101-001', CHAIR, { subject: 'pw-aida', deviceIds: ['pb-0101-001-1'] })).status,
    ).toBe(201);
    expect(await voterRoll.eventCounts()).toMatchObject({ PollWorkerRegistered: 1 });
    expect(await appointments('pw-aida')).toEqual({
      status: 200,
      body: {
        electionId,
        subject: 'pw-aida',
        appointments: [
          {
            role: 'poll-worker',
            deviceIds: ['pb-0101-001-1'],
            scope: precinctsScope(electionId, '0101-001'),
          },
        ],
      },
    });
    expect((await appointments(SECRETARY)).body).toMatchObject({
      appointments: [
        { role: 'commission', position: 'secretary', scope: precinctsScope(electionId, '0101-001') },
      ],
    });
  });

  it('given a member who is not the chair or the chair of another precinct, when registering, then 403 and nothing is appended', async () => {
    const before = await voterRoll.eventCounts();
    const secretary = await register('0101-001', SECRETARY, { subject: 'pw-bolot', deviceIds: [] });
    expect(secretary).toMatchObject({
      status: 403,
      body: { error: 'not-the-chair', errors: [{ field: 'authorization' }] },
    });
    const elsewhere = await voterRoll.request(
      'POST',
      `/elections/${electionId}/precincts/0101-001/poll-workers`,
      {
        roles: ['commission'],
        scope: precinctsScope(electionId, '0101-002'),
        subject: CHAIR,
        json: { subject: 'pw-bolot', deviceIds: [] },
      },
    );
    expect(elsewhere).toMatchObject({
      status: 403,
      body: {
        errors: [
          {
            field: 'scope',
            rule: `the token serves precinct 0101-002 of election ${electionId}, not precinct 0101-001`,
          },
        ],
      },
    });
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given an election not called, bad input or a commission token, when asked, then 404, 400 naming the field and 403', async () => {
    const other = await callElection(voterRoll);
    expect(
      (
        await register(
          '0101-001',
          CHAIR,
          { subject: 'pw', deviceIds: [] },
          '0190a7e4-0000-7000-8000-0000000000ff',
        )
      ).status,
    ).toBe(404);
    expect((await register('0101-001', CHAIR, { subject: 'pw', deviceIds: [] }, other)).status).toBe(201);
    const malformed = await register('0101-001', CHAIR, { subject: 'has space', deviceIds: [] });
    expect([malformed.status, (malformed.body as { errors: { field: string }[] }).errors[0]?.field]).toEqual([
      400,
      'subject',
    ]);
    const byCommission = await voterRoll.request('GET', `/elections/${electionId}/appointments/pw-aida`, {
      roles: ['commission'],
      scope: precinctsScope(electionId, '0101-001'),
    });
    expect(byCommission.status).toBe(403);
  });
});
