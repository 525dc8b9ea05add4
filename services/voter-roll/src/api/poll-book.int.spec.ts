import { precinctsScope, type TokenScope } from '@vl/auth';
import { readTopic, type ServiceUnderTest } from '@vl/testing';
import { finalizedLists, pin, pollingCountry } from '../testing/polling-country';
import { startVoterRoll } from '../testing/voter-roll-under-test';

interface ReadRow {
  reader: { subject: string; role: string; scope: string | null };
  purpose: string;
  personalNumber: string;
  precinctId: string | null;
  found: boolean;
  readAt: string;
}

describe('poll books: look-ups and pages, each read an event in the log', () => {
  let voterRoll: ServiceUnderTest;
  let electionId: string;
  const at = (...precincts: [string, ...string[]]): TokenScope => precinctsScope(electionId, ...precincts);
  const readsOf = async (personalNumber: string): Promise<ReadRow[]> =>
    (
      (await voterRoll.dataSource.query(
        `select payload from events where type = 'ParticipationRead' and payload->>'personalNumber' = $1
          order by tx_id, position`,
        [personalNumber],
      )) as { payload: ReadRow }[]
    ).map((row) => row.payload);
  const eventCount = async () =>
    ((await voterRoll.dataSource.query('select count(*)::int as n from events')) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    electionId = await pollingCountry(voterRoll);
    await finalizedLists(voterRoll, electionId);
    await voterRoll.request('POST', `/elections/${electionId}/absentee-certificates`, {
      roles: ['commission'],
      scope: at('1101-004'),
      json: { personalNumber: pin('bakyt'), serial: 'AC-77', votingPrecinctId: '0101-001' },
    });
  });
  afterAll(() => voterRoll?.close());

  it('given a voter on the precinct’s list, when a poll worker looks them up, then the entry is shown and the read is an event, published', async () => {
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/${pin('aigul')}`,
      { roles: ['poll-worker'], scope: at('0101-001') },
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
    const recorded = {
      reader: {
        subject: 'test-poll-worker',
        role: 'poll-worker',
        scope: JSON.stringify(at('0101-001')),
      },
      purpose: 'poll-book-look-up',
      personalNumber: pin('aigul'),
      electionId,
      precinctId: '0101-001',
      found: true,
      readAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    };
    expect(await readsOf(pin('aigul'))).toEqual([recorded]);
    const published = await readTopic('voter-roll.participation-reads.v1', {
      keep: ({ key, envelope }) => key === pin('aigul') && envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(published.map(({ envelope }) => [envelope.type, envelope.payload])).toEqual([
      ['ParticipationRead', recorded],
    ]);
  });

  it('given a voter with a certificate for this precinct, when looked up here, then found with the serial; at home, marked as voting elsewhere', async () => {
    const here = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/${pin('bakyt')}`,
      { roles: ['poll-worker'], scope: at('0101-001') },
    );
    const home = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/1101-004/voters/${pin('bakyt')}`,
      { roles: ['commission'], scope: at('1101-004') },
    );

    expect(here.body).toMatchObject({
      homePrecinctId: '1101-004',
      absenteeCertificate: { serial: 'AC-77', votingPrecinctId: '0101-001' },
      votesAt: '0101-001',
    });
    expect(home.body).toMatchObject({ homePrecinctId: '1101-004', votesAt: '0101-001' });
    expect((await readsOf(pin('bakyt'))).map((read) => [read.precinctId, read.reader.role])).toEqual([
      ['0101-001', 'poll-worker'],
      ['1101-004', 'commission'],
    ]);
  });

  it('given a voter of another precinct, when looked up, then 404, and the question itself is recorded', async () => {
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-002/voters/${pin('aigul')}`,
      { roles: ['poll-worker'], scope: at('0101-002') },
    );
    expect(answer.status).toBe(404);
    expect((await readsOf(pin('aigul'))).at(-1)).toMatchObject({ precinctId: '0101-002', found: false });
  });

  it('given a malformed personal number, when looked up, then 400 names it and nothing is recorded', async () => {
    const before = await eventCount();
    const answer = await voterRoll.request(
      'GET',
      `/elections/${electionId}/precincts/0101-001/voters/31503199000123`,
      { roles: ['poll-worker'], scope: at('0101-001') },
    );
    expect(answer).toMatchObject({
      status: 400,
      body: {
        errors: [{ field: 'personalNumber', rule: 'expected the sex digit 1 (female) or 2 (male) first' }],
      },
    });
    expect(await eventCount()).toBe(before);
  });

  it('given a commission paging its poll book, when read two at a time, then pages follow personal-number order and each page is a recorded range', async () => {
    const path = `/elections/${electionId}/precincts/0101-001/voters`;
    const commission = { roles: ['commission'] as const, scope: at('0101-001') };
    const first = await voterRoll.request('GET', `${path}?limit=2`, commission);
    const firstPage = first.body as { voters: { personalNumber: string }[]; next: string | null };
    const second = await voterRoll.request('GET', `${path}?limit=2&after=${firstPage.next}`, commission);
    const secondPage = second.body as { voters: { personalNumber: string }[]; next: string | null };

    const expected = [pin('turns18OnPollingDay'), pin('aigul'), pin('leapDayBorn')].sort();
    expect([...firstPage.voters, ...secondPage.voters].map((voter) => voter.personalNumber)).toEqual(
      expected,
    );
    expect(secondPage.next).toBeNull();
    const ranges: { payload: { reader: { role: string }; purpose: string; range: unknown } }[] =
      await voterRoll.dataSource.query(
        "select payload from events where type = 'ParticipationRangeRead' order by tx_id, position",
      );
    const page = { kind: 'poll-book-page', electionId, precinctId: '0101-001', limit: 2 };
    expect(ranges.map(({ payload }) => [payload.reader.role, payload.purpose, payload.range])).toEqual([
      [
        'commission',
        'poll-book-page',
        { ...page, after: '', firstShown: expected[0], lastShown: expected[1], shown: 2 },
      ],
      [
        'commission',
        'poll-book-page',
        { ...page, after: expected[1], firstShown: expected[2], lastShown: expected[2], shown: 1 },
      ],
    ]);
  });

  it('given a poll worker, when paging, then 403; given limit 501, then 400 names limit', async () => {
    const path = `/elections/${electionId}/precincts/0101-001/voters`;
    expect(
      (await voterRoll.request('GET', path, { roles: ['poll-worker'], scope: at('0101-001') })).status,
    ).toBe(403);
    expect(
      await voterRoll.request('GET', `${path}?limit=501`, { roles: ['commission'], scope: at('0101-001') }),
    ).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'limit', rule: 'expected at most 500' }] },
    });
  });

  it('given the recorded reads, when someone tries to erase one, then the log refuses', async () => {
    await expect(
      voterRoll.dataSource.query("delete from events where type = 'ParticipationRead'"),
    ).rejects.toThrow(/append-only/);
  });
});
