import {
  citizenLine,
  civilRegistryCsv,
  personalNumberOf,
  type CitizenFixture,
} from '../testing/registry-files';
import { precinctsScope } from '@vl/auth';
import { callElection, CITIZENS, finalizedLists, pin, pollingCountry } from '../testing/polling-country';
import type { ServiceUnderTest } from '@vl/testing';
import { startVoterRoll } from '../testing/voter-roll-under-test';

// registered after the lists were finalized: on no list of the election
const newcomer: CitizenFixture = { sex: 'F', birthDate: '1995-01-01', serial: 10, residence: '0101-002' };
const latecomer: CitizenFixture = { sex: 'M', birthDate: '1996-02-02', serial: 11, residence: '0101-002' };
const teenager: CitizenFixture = { sex: 'F', birthDate: '2012-12-01', serial: 12 };
// the commission of the precinct whose list holds the voter issues the certificate
const homeOf = (personalNumber: unknown): string =>
  (Object.values(CITIZENS) as CitizenFixture[]).find(
    (citizen) => personalNumberOf(citizen) === personalNumber,
  )?.residence ?? '0101-001';

describe('after finalization: absentee certificates and polling-day inclusions', () => {
  let voterRoll: ServiceUnderTest;
  let electionId: string;
  const certify = (
    body: { personalNumber?: string } & Record<string, unknown>,
    roles: ('commission' | 'poll-worker')[] = ['commission'],
    scope = precinctsScope(electionId, homeOf(body.personalNumber)),
  ) =>
    voterRoll.request('POST', `/elections/${electionId}/absentee-certificates`, { json: body, roles, scope });
  const include = (body: { precinctId: string } & Record<string, unknown>) =>
    voterRoll.request('POST', `/elections/${electionId}/polling-day-inclusions`, {
      json: body,
      roles: ['commission'],
      scope: precinctsScope(electionId, body.precinctId),
    });

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    electionId = await pollingCountry(voterRoll);
    await finalizedLists(voterRoll, electionId);
    await voterRoll.request('POST', '/imports/civil-registry', {
      csv: civilRegistryCsv([newcomer, latecomer, teenager].map(citizenLine)),
    });
  });
  afterAll(() => voterRoll?.close());

  it('given a voter on a finalized list, when a commission issues a certificate, then the home list is marked with its serial', async () => {
    const answer = await certify({
      personalNumber: pin('aigul'),
      serial: 'AC-000001',
      votingPrecinctId: '1101-004',
    });

    expect(answer).toEqual({
      status: 201,
      body: { electionId, serial: 'AC-000001', homePrecinctId: '0101-001', votingPrecinctId: '1101-004' },
    });
    const [event] = (await voterRoll.dataSource.query(
      "select partition_key, payload from events where type = 'AbsenteeCertificateIssued'",
    )) as { partition_key: string; payload: unknown }[];
    expect(event).toEqual({
      partition_key: pin('aigul'),
      payload: {
        electionId,
        personalNumber: pin('aigul'),
        serial: 'AC-000001',
        homePrecinctId: '0101-001',
        votingPrecinctId: '1101-004',
        issuedBy: { subject: 'test-commission', role: 'commission' },
      },
    });
  });

  it('given a certificate issued, when the voter reports it lost, then no second one is issued', async () => {
    const answer = await certify({
      personalNumber: pin('aigul'),
      serial: 'AC-000002',
      votingPrecinctId: '0101-002',
    });
    expect(answer).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'already-issued',
        message:
          'absentee certificate AC-000001 was already issued to this voter for this election; a lost certificate is not reissued',
        errors: [
          {
            field: '(request)',
            rule: 'absentee certificate AC-000001 was already issued to this voter for this election; a lost certificate is not reissued',
          },
        ],
      },
    });
  });

  it('given a serial already used, when issued to another voter, then 409; for the voter’s own precinct, 422', async () => {
    expect(
      await certify({ personalNumber: pin('bakyt'), serial: 'AC-000001', votingPrecinctId: '0101-001' }),
    ).toMatchObject({ status: 409, body: { error: 'serial-taken' } });
    expect(
      await certify({ personalNumber: pin('bakyt'), serial: 'AC-000003', votingPrecinctId: '1101-004' }),
    ).toMatchObject({ status: 422, body: { error: 'voting-precinct-is-home' } });
    expect(
      await certify({
        personalNumber: personalNumberOf(newcomer),
        serial: 'AC-000004',
        votingPrecinctId: '1101-004',
      }),
    ).toMatchObject({ status: 422, body: { error: 'not-on-a-list' } });
  });

  it('given two commissions issuing the same blank at once to different voters, when both ask, then one certificate carries the serial', async () => {
    const answers = await Promise.all([
      certify({ personalNumber: pin('abroad'), serial: 'AC-000099', votingPrecinctId: '0101-001' }),
      certify({ personalNumber: pin('koyTash'), serial: 'AC-000099', votingPrecinctId: '0101-001' }),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body).toMatchObject({ error: 'serial-taken' });
    expect((await voterRoll.eventCounts())['AbsenteeCertificateIssued']).toBe(2);
  });

  it('given bad input, when a certificate is asked for, then 400 names every field and rule and nothing is appended', async () => {
    const before = await voterRoll.eventCounts();
    const answer = await certify({ personalNumber: '1150319900012', serial: 'ac 1' });

    expect(answer.status).toBe(400);
    expect((answer.body as { errors: unknown }).errors).toEqual([
      { field: 'personalNumber', rule: 'expected 14 digits' },
      { field: 'serial', rule: 'expected a serial of 1–32 capital letters, digits or hyphens' },
      { field: 'votingPrecinctId', rule: expect.stringMatching(/string/) },
    ]);
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given a poll worker, when issuing a certificate, then 403', async () => {
    const answer = await certify(
      { personalNumber: pin('bakyt'), serial: 'AC-000005', votingPrecinctId: '0101-001' },
      ['poll-worker'],
    );
    expect(answer.status).toBe(403);
  });

  it('given the commission of another precinct, when issuing a certificate or including a voter there, then 403 names the scope and nothing is appended', async () => {
    const before = await voterRoll.eventCounts();
    const commissionOf0101002 = precinctsScope(electionId, '0101-002');
    const certificate = await certify(
      { personalNumber: pin('bakyt'), serial: 'AC-000006', votingPrecinctId: '0101-001' },
      ['commission'],
      commissionOf0101002,
    );
    expect(certificate).toMatchObject({
      status: 403,
      body: {
        errors: [
          {
            field: 'scope',
            rule: `the token serves precinct 0101-002 of election ${electionId}, not precinct 1101-004`,
          },
        ],
      },
    });
    const inclusion = await voterRoll.request('POST', `/elections/${electionId}/polling-day-inclusions`, {
      roles: ['commission'],
      scope: commissionOf0101002,
      json: {
        personalNumber: personalNumberOf(teenager),
        precinctId: '0101-001',
        addressReference: 'AR 15/2030',
      },
    });
    expect([inclusion.status, (inclusion.body as { errors: { field: string }[] }).errors[0]?.field]).toEqual([
      403,
      'scope',
    ]);
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given a voter with a certificate, when a commission tries to include them anywhere, then the national check refuses and says where they vote', async () => {
    const answer = await include({
      personalNumber: pin('aigul'),
      precinctId: '0101-002',
      addressReference: 'AR 12/2030 Köy-Tash',
    });
    expect(answer).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'already-on-a-list',
        message:
          'the voter is already on the list of precinct 0101-001 with absentee certificate AC-000001 for precinct 1101-004 (national check): send the voter there',
        errors: [
          {
            field: '(request)',
            rule: 'the voter is already on the list of precinct 0101-001 with absentee certificate AC-000001 for precinct 1101-004 (national check): send the voter there',
          },
        ],
      },
    });
  });

  it('given a citizen on no list, when included, then added once; a second commission elsewhere is refused', async () => {
    const first = await include({
      personalNumber: personalNumberOf(newcomer),
      precinctId: '0101-002',
      addressReference: 'AR 13/2030 Köy-Tash',
    });
    expect(first).toEqual({ status: 201, body: { electionId, precinctId: '0101-002' } });

    const second = await include({
      personalNumber: personalNumberOf(newcomer),
      precinctId: '1101-004',
      addressReference: 'AR 99/2030 Bishkek',
    });
    expect(second).toMatchObject({
      status: 409,
      body: {
        error: 'already-included',
        message: 'the voter was already included on polling day at precinct 0101-002 (national check)',
      },
    });
    expect((await voterRoll.eventCounts())['VoterIncludedOnPollingDay']).toBe(1);
    const [inclusion] = (await voterRoll.dataSource.query(
      "select payload->'includedBy' as by from events where type = 'VoterIncludedOnPollingDay'",
    )) as { by: unknown }[];
    expect(inclusion?.by).toEqual({ subject: 'test-commission', role: 'commission' });
  });

  it('given two commissions including the same voter at once, when both ask, then exactly one succeeds', async () => {
    const at = (precinctId: string) =>
      include({
        personalNumber: personalNumberOf(latecomer),
        precinctId,
        addressReference: `AR at ${precinctId}`,
      });
    const answers = await Promise.all([at('0101-001'), at('1101-004'), at('9999-012')]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    const rows: unknown[] = await voterRoll.dataSource.query(
      'select 1 from voter_list_entries where election_id = $1 and personal_number = $2',
      [electionId, personalNumberOf(latecomer)],
    );
    expect(rows).toHaveLength(1);
  });

  it('given a citizen who turns 18 after polling day, when included, then 422 says when', async () => {
    const answer = await include({
      personalNumber: personalNumberOf(teenager),
      precinctId: '0101-001',
      addressReference: 'AR 14/2030',
    });
    expect(answer).toMatchObject({
      status: 422,
      body: {
        error: 'not-eligible',
        message: 'not eligible on 2030-11-24: turns 18 on 2030-12-01, after election day 2030-11-24',
      },
    });
  });

  it('given an election whose lists are not finalized, when a voter is included, then 409', async () => {
    const other = await callElection(voterRoll);
    const answer = await voterRoll.request('POST', `/elections/${other}/polling-day-inclusions`, {
      roles: ['commission'],
      scope: precinctsScope(other, '0101-002'),
      json: { personalNumber: personalNumberOf(newcomer), precinctId: '0101-002', addressReference: 'AR 1' },
    });
    expect(answer).toMatchObject({ status: 409, body: { error: 'lists-not-finalized' } });
  });
});
