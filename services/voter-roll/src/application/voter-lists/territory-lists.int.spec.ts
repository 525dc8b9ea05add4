import { precinctsScope } from '@vl/auth';
import { topicName, type VoterListedPayload, type VoterListFinalizedPayload } from '@vl/contracts';
import { readTopic, type ServiceUnderTest } from '@vl/testing';
import { ELECTION_DATE, pin, pollingCountry } from '../../testing/polling-country';
import { startVoterRoll } from '../../testing/voter-roll-under-test';

const VOTER_LISTS = topicName('voter-roll', 'voter-lists', 1);

describe('a local election lists the residents of its territory only', () => {
  let voterRoll: ServiceUnderTest;
  let districtElection: string;

  const callLocal = async (territory: Record<string, unknown>) =>
    voterRoll.request('POST', '/elections', {
      json: { kind: 'local', title: 'Local council 2030', electionDate: ELECTION_DATE, territory },
    });

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    await pollingCountry(voterRoll);
  });
  afterAll(() => voterRoll?.close());

  it('given district 0101 (two precincts) of a four-precinct country, when compiled and finalized, then only its residents are listed and only its precincts have lists', async () => {
    const called = await callLocal({ level: 'district', code: '0101' });
    expect(called.status).toBe(201);
    const electionId = (called.body as { electionId: string }).electionId;
    districtElection = electionId;

    const compiled = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`);
    // bakyt (1101-004) and the voter abroad (9999-012) are eligible but live outside the district
    expect(compiled).toMatchObject({ status: 200, body: { citizens: 9, voters: 4 } });
    const finalized = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/finalize`);
    expect(finalized).toEqual({ status: 200, body: { electionId, precincts: 2, voters: 4, resumed: false } });

    await voterRoll.relayed();
    const read = await readTopic(VOTER_LISTS, {
      keep: ({ envelope }) => envelope.payload['electionId'] === electionId,
      until: 6,
    });
    const payloads = read.map(({ envelope }) => ({ type: envelope.type, payload: envelope.payload }));
    expect(
      payloads
        .filter((event) => event.type === 'VoterListFinalized')
        .map((event) => (event.payload as VoterListFinalizedPayload).precinctId)
        .sort(),
    ).toEqual(['0101-001', '0101-002']);
    expect(
      payloads
        .filter((event) => event.type === 'VoterListed')
        .map((event) => (event.payload as VoterListedPayload).personalNumber)
        .sort(),
    ).toEqual([pin('turns18OnPollingDay'), pin('aigul'), pin('leapDayBorn'), pin('koyTash')].sort());
  });

  it('given the district election finalized, when a certificate or an inclusion names a precinct outside the district, then 422: it has no list', async () => {
    const election = districtElection;

    const certificate = await voterRoll.request('POST', `/elections/${election}/absentee-certificates`, {
      json: { personalNumber: pin('aigul'), serial: 'AC-000101', votingPrecinctId: '1101-004' },
      roles: ['commission'],
      scope: precinctsScope(election, '0101-001'),
    });
    const inclusion = await voterRoll.request('POST', `/elections/${election}/polling-day-inclusions`, {
      json: { personalNumber: pin('bakyt'), precinctId: '1101-004', addressReference: 'AR 7/2030 Bishkek' },
      roles: ['commission'],
      scope: precinctsScope(election, '1101-004'),
    });

    expect([certificate.status, inclusion.status]).toEqual([422, 422]);
    expect(certificate.body).toMatchObject({ error: 'voting-precinct-outside-territory' });
    expect(inclusion.body).toMatchObject({ error: 'precinct-outside-territory' });
  });

  it('given a region, when compiled, then its residents are listed: region 11 is Bishkek', async () => {
    const called = await callLocal({ level: 'region', code: '11' });
    const electionId = (called.body as { electionId: string }).electionId;

    const compiled = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`);

    expect(compiled).toMatchObject({ status: 200, body: { voters: 1 } });
  });

  it('given a district the geography does not hold, when the election is called then compiled, then the call stands and the compile is a 422 naming territory', async () => {
    const before = await voterRoll.eventCounts();
    const called = await callLocal({ level: 'district', code: '0707' });
    expect(called.status).toBe(201);
    const electionId = (called.body as { electionId: string }).electionId;
    const afterCall = await voterRoll.eventCounts();

    const refused = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`);

    expect(refused).toMatchObject({
      status: 422,
      body: {
        error: 'unknown-territory',
        errors: [
          {
            field: 'territory',
            rule: expect.stringContaining('the geography has no precinct in district 0707'),
          },
        ],
      },
    });
    expect(afterCall['ElectionCalled']).toBe((before['ElectionCalled'] ?? 0) + 1);
    expect(await voterRoll.eventCounts()).toEqual(afterCall);
  });

  it('given a malformed territory, when the election is called, then 400 names the field', async () => {
    const district = await callLocal({ level: 'district', code: '01' });
    const level = await callLocal({ level: 'village', code: '0101' });

    expect([district.status, level.status]).toEqual([400, 400]);
    expect((district.body as { errors: { field: string }[] }).errors[0]?.field).toBe('territory.code');
    expect((level.body as { errors: { field: string }[] }).errors[0]?.field).toMatch(/^territory/);
  });
});
