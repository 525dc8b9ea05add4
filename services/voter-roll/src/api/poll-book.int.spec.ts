import { finalizedLists, pin, pollingCountry } from '../testing/polling-country';
import type { ServiceUnderTest } from '@vl/testing';
import { startVoterRoll } from '../testing/voter-roll-under-test';

interface AccessRow {
  subject: string;
  roles: string[];
  purpose: string;
  personal_number: string;
  precinct_id: string;
  found: boolean;
}

describe('poll books: look-ups and pages, each person read recorded', () => {
  let voterRoll: ServiceUnderTest;
  let electionId: string;
  const accessLog = async (personalNumber: string): Promise<AccessRow[]> =>
    voterRoll.dataSource.query(
      'select subject, roles, purpose, personal_number, precinct_id, found from access_log where personal_number = $1 order by id',
      [personalNumber],
    );

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    electionId = await pollingCountry(voterRoll);
    await finalizedLists(voterRoll, electionId);
    await voterRoll.request('POST', `/elections/${electionId}/absentee-certificates`, {
      roles: ['commission'],
      json: { personalNumber: pin('bakyt'), serial: 'AC-77', votingPrecinctId: '0101-001' },
    });
  });
  afterAll(() => voterRoll?.close());

  it('given a voter on the precinct’s list, when a poll worker looks them up, then the entry is shown and the read is logged', async () => {
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/${pin('aigul')}`,
      {
        roles: ['poll-worker'],
      },
    );

    expect(answer).toEqual({
      status: 200,
      body: {
        personalNumber: pin('aigul'),
        surname: 'Asanova',
        givenName: 'Aigul',
        patronymic: 'Bakytovna',
        birthDate: '1990-03-15',
        homePrecinctId: '0101-001',
        listedBy: 'finalized-list',
        absenteeCertificate: null,
        votesAt: '0101-001',
      },
    });
    expect(await accessLog(pin('aigul'))).toEqual([
      {
        subject: 'test-poll-worker',
        roles: ['poll-worker'],
        purpose: 'poll-book look-up',
        personal_number: pin('aigul'),
        precinct_id: '0101-001',
        found: true,
      },
    ]);
  });

  it('given a voter with a certificate for this precinct, when looked up here, then found with the serial; at home, marked as voting elsewhere', async () => {
    const here = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/${pin('bakyt')}`,
      {
        roles: ['poll-worker'],
      },
    );
    const home = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/1101-004/voters/${pin('bakyt')}`,
      {
        roles: ['commission'],
      },
    );

    expect(here.body).toMatchObject({
      homePrecinctId: '1101-004',
      absenteeCertificate: { serial: 'AC-77', votingPrecinctId: '0101-001' },
      votesAt: '0101-001',
    });
    expect(home.body).toMatchObject({ homePrecinctId: '1101-004', votesAt: '0101-001' });
    expect((await accessLog(pin('bakyt'))).map((row) => row.precinct_id)).toEqual(['0101-001', '1101-004']);
  });

  it('given a voter of another precinct, when looked up, then 404, and the question itself is logged', async () => {
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-002/voters/${pin('aigul')}`,
      {
        roles: ['poll-worker'],
      },
    );
    expect(answer.status).toBe(404);
    expect((await accessLog(pin('aigul'))).at(-1)).toMatchObject({ precinct_id: '0101-002', found: false });
  });

  it('given a malformed personal number, when looked up, then 400 names it and nothing is logged', async () => {
    const before = (await voterRoll.dataSource.query('select count(*)::int as n from access_log')) as {
      n: number;
    }[];
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/31503199000123`,
      {
        roles: ['poll-worker'],
      },
    );
    expect(answer).toMatchObject({
      status: 400,
      body: {
        errors: [{ field: 'personalNumber', rule: 'expected the sex digit 1 (female) or 2 (male) first' }],
      },
    });
    expect(await voterRoll.dataSource.query('select count(*)::int as n from access_log')).toEqual(before);
  });

  it('given a commission paging its poll book, when read two at a time, then pages follow personal-number order and each voter shown is logged', async () => {
    const path = `/elections/${electionId}/precincts/0101-001/voters`;
    const first = await voterRoll.request('GET', `${path}?limit=2`, { roles: ['commission'] });
    const firstPage = first.body as { voters: { personalNumber: string }[]; next: string | null };
    const second = await voterRoll.request('GET', `${path}?limit=2&after=${firstPage.next}`, {
      roles: ['commission'],
    });
    const secondPage = second.body as { voters: { personalNumber: string }[]; next: string | null };

    const expected = [pin('turns18OnPollingDay'), pin('aigul'), pin('leapDayBorn')].sort();
    expect([...firstPage.voters, ...secondPage.voters].map((voter) => voter.personalNumber)).toEqual(
      expected,
    );
    expect(secondPage.next).toBeNull();
    const paged: { personal_number: string }[] = await voterRoll.dataSource.query(
      "select personal_number from access_log where purpose = 'poll-book page' order by id",
    );
    expect(paged.map((row) => row.personal_number)).toEqual(expected);
  });

  it('given a poll worker, when paging, then 403; given limit 501, then 400 names limit', async () => {
    const path = `/elections/${electionId}/precincts/0101-001/voters`;
    expect((await voterRoll.request('GET', path, { roles: ['poll-worker'] })).status).toBe(403);
    expect(await voterRoll.request('GET', `${path}?limit=501`, { roles: ['commission'] })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'limit', rule: 'expected at most 500' }] },
    });
  });

  it('given the access log, when someone tries to erase a read, then the database refuses', async () => {
    await expect(voterRoll.dataSource.query('delete from access_log')).rejects.toThrow(/append-only/);
  });
});
