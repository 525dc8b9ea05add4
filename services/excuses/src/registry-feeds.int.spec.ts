import { TestClock, type ServiceUnderTest } from '@vl/testing';
import {
  EXEMPTION_FACTS_RECORDED,
  type ExemptionFactsRecorded,
} from './application/exemption-facts-recorded';
import { ExemptionFactsRepository } from './infrastructure/exemption-facts.repository';
import { startExcuses } from './testing/excuses-under-test';

// personal numbers of this suite: women born 10 March 1980, 11 April 1985, 12 May 1990
const ALIYA = '11003198000101';
const BAKYT = '11104198500202';
const CHOLPON = '11205199000303';

// line 3 names a direction the feed does not know; the rest are good
const CROSSINGS_CSV = [
  'personal_number,direction,at,crossing_point',
  `${ALIYA},exit,2030-11-10T08:00:00+06:00,Dostuk`,
  `${ALIYA},out,2030-11-11T08:00:00+06:00,Dostuk`,
  `${ALIYA},entry,2030-11-12T08:00:00+06:00,Dostuk`,
  `${ALIYA},exit,2030-11-20T10:00:00Z,Manas airport`,
  `${ALIYA},entry,2030-11-24T15:00:00Z,Manas airport`,
  `${ALIYA},exit,2030-12-10T10:00:00Z,Manas airport`,
  '',
].join('\n');

describe('registry feeds through HTTP, the real database and broker: crossings, duty rosters, disasters', () => {
  let excuses: ServiceUnderTest;
  let reassessed: { personalNumbers: readonly string[]; precinctIds: readonly string[] }[];
  const count = async (table: string) =>
    Number(
      ((await excuses.dataSource.query(`select count(*)::int as n from ${table}`)) as { n: number }[])[0]?.n,
    );

  beforeAll(async () => {
    excuses = await startExcuses(new TestClock('2030-11-25T06:00:00.000Z'));
    const hook = excuses.app.get<ExemptionFactsRecorded>(EXEMPTION_FACTS_RECORDED);
    reassessed = [];
    jest.spyOn(hook, 'reassess').mockImplementation(async (_tx, subjects) => {
      reassessed.push(subjects);
    });
  }, 120_000);
  afterAll(() => excuses?.close());

  it('given a crossings file with a bad line, when uploaded by the Border Service, then the good rows are recorded once and the report names line 3', async () => {
    const answer = await excuses.request('POST', '/registry-feeds/border-crossings/csv', {
      roles: ['ministry:border-service'],
      subject: 'border-service-feed',
      csv: CROSSINGS_CSV,
    });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        rows: 6,
        recorded: 5,
        alreadyRecorded: 0,
        rejected: 1,
        rejects: [{ line: 3, field: 'direction', rule: 'expected exit or entry' }],
        rejectsOmitted: 0,
      },
    });
    expect(await excuses.eventCounts()).toMatchObject({ BorderCrossingRecorded: 5 });
    expect(await count('border_crossings')).toBe(5);
    const [stored] = (await excuses.dataSource.query(
      `select payload from events where type = 'BorderCrossingRecorded' and payload->>'at' = '2030-11-10T02:00:00.000Z'`,
    )) as { payload: unknown }[];
    expect(stored?.payload).toEqual({
      personalNumber: ALIYA,
      direction: 'exit',
      at: '2030-11-10T02:00:00.000Z',
      crossingPoint: 'Dostuk',
      recordedBy: { subject: 'border-service-feed', role: 'ministry:border-service' },
    });
    expect(reassessed).toEqual([{ personalNumbers: [ALIYA], precinctIds: [] }]);
    await excuses.relayed();
  });

  it('given the same file again, when uploaded, then nothing is recorded twice and nothing is re-assessed', async () => {
    const answer = await excuses.request('POST', '/registry-feeds/border-crossings/csv', {
      roles: ['ministry:border-service'],
      csv: CROSSINGS_CSV,
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { rows: 6, recorded: 0, alreadyRecorded: 5, rejected: 1 },
    });
    expect(await excuses.eventCounts()).toMatchObject({ BorderCrossingRecorded: 5 });
    expect(reassessed).toHaveLength(1);
  });

  it('given a file whose header lacks a column, when uploaded, then 400 names the column and nothing is recorded', async () => {
    const answer = await excuses.request('POST', '/registry-feeds/border-crossings/csv', {
      roles: ['ministry:border-service'],
      csv: `personal_number,direction,at\n${BAKYT},exit,2030-11-20T10:00:00Z\n`,
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'crossing_point', rule: 'missing column in the header row' }] },
    });
    expect(await count('border_crossings')).toBe(5);
  });

  it.each([
    ['/registry-feeds/border-crossings', 'ministry:health'],
    ['/registry-feeds/border-crossings', 'employer:bishkek-thermal-plant'],
    ['/registry-feeds/duty-rosters', 'ministry:border-service'],
    ['/registry-feeds/duty-rosters', 'cec-operator'],
    ['/registry-feeds/disaster-declarations', 'ministry:defence'],
  ] as const)(
    'given %s and a token of %s, when posted, then 403 and nothing is recorded',
    async (path, role) => {
      const before = await excuses.eventCounts();
      const answer = await excuses.request('POST', path, { roles: [role], json: { crossings: [] } });
      expect(answer.status).toBe(403);
      expect(await excuses.eventCounts()).toEqual(before);
    },
  );

  it('given an employer, when it asks to read anything, then 403: employers only submit', async () => {
    for (const path of ['/policies/excuses.excuse-window', '/ledger/read-model-digest'])
      expect((await excuses.request('GET', path, { roles: ['employer:bishkek-thermal-plant'] })).status).toBe(
        403,
      );
  });

  it('given a roster from the Ministry of Defence naming another body’s category, when posted as JSON, then that item is a reject naming the rule and the rest are recorded as the ministry’s', async () => {
    const answer = await excuses.request('POST', '/registry-feeds/duty-rosters', {
      roles: ['ministry:defence'],
      subject: 'mod-roster-office',
      json: {
        periods: [
          {
            personalNumber: BAKYT,
            category: 'military-remote-service',
            from: '2030-11-01T00:00:00+06:00',
            to: '2030-12-01T00:00:00+06:00',
          },
          {
            personalNumber: CHOLPON,
            category: 'law-enforcement-on-duty',
            from: '2030-11-23T00:00:00+06:00',
            to: '2030-11-25T00:00:00+06:00',
          },
        ],
      },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        rows: 2,
        recorded: 1,
        rejected: 1,
        rejects: [
          {
            line: 2,
            field: 'category',
            rule: 'ministry:defence may name only military-remote-service: each submitting body names its own category',
          },
        ],
      },
    });
    expect(
      await excuses.dataSource.query(
        'select personal_number, category, submitted_by_role, submitted_by_subject from duty_periods',
      ),
    ).toEqual([
      {
        personal_number: BAKYT,
        category: 'military-remote-service',
        submitted_by_role: 'ministry:defence',
        submitted_by_subject: 'mod-roster-office',
      },
    ]);
  });

  it('given an employer’s roster as CSV, when uploaded twice, then its continuous-cycle period is recorded once', async () => {
    const csv = `personal_number,category,from,to\n${CHOLPON},continuous-cycle-work,2030-11-24T00:00:00+06:00,2030-11-25T08:00:00+06:00\n`;
    const roles = ['employer:bishkek-thermal-plant'] as const;
    expect(await excuses.request('POST', '/registry-feeds/duty-rosters/csv', { roles, csv })).toMatchObject({
      status: 200,
      body: { recorded: 1, rejected: 0 },
    });
    expect(await excuses.request('POST', '/registry-feeds/duty-rosters/csv', { roles, csv })).toMatchObject({
      status: 200,
      body: { recorded: 0, alreadyRecorded: 1 },
    });
    expect(await excuses.eventCounts()).toMatchObject({ DutyPeriodRecorded: 2 });
  });

  it('given a CEC disaster declaration, when declared, again, and otherwise under its number, then recorded once and the other is a 409', async () => {
    const declaration = {
      decisionNumber: '2030/41-7',
      precincts: ['0101-001', '0101-002'],
      from: '2030-11-23T12:00:00+06:00',
      to: '2030-11-26T00:00:00+06:00',
    };
    const first = await excuses.request('POST', '/registry-feeds/disaster-declarations', {
      json: declaration,
    });
    expect(first).toMatchObject({ status: 200, body: { recorded: true } });
    expect(reassessed.at(-1)).toEqual({ personalNumbers: [], precinctIds: ['0101-001', '0101-002'] });
    const again = await excuses.request('POST', '/registry-feeds/disaster-declarations', {
      json: { ...declaration, precincts: ['0101-002', '0101-001'] },
    });
    expect(again).toEqual({
      status: 200,
      body: { eventId: (first.body as { eventId: string }).eventId, recorded: false },
    });
    const otherwise = await excuses.request('POST', '/registry-feeds/disaster-declarations', {
      json: { ...declaration, precincts: ['0101-003'] },
    });
    expect(otherwise).toMatchObject({ status: 409, body: { errors: [{ field: 'decisionNumber' }] } });
    const malformed = await excuses.request('POST', '/registry-feeds/disaster-declarations', {
      json: { ...declaration, decisionNumber: '2030/41-8', precincts: ['0101-01'] },
    });
    expect(malformed).toMatchObject({ status: 400, body: { errors: [{ field: 'precincts.0' }] } });
    expect(await excuses.eventCounts()).toMatchObject({ DisasterDeclared: 1 });
  });

  it('given 2,500 crossings streamed as one file, when uploaded, then they are appended in pages of 1,000, each page re-assessing its persons', async () => {
    const before = reassessed.length;
    const lines = ['personal_number,direction,at,crossing_point'];
    for (let index = 0; index < 2500; index++)
      lines.push(
        `${CHOLPON},${index % 2 ? 'entry' : 'exit'},${new Date(Date.UTC(2029, 0, 1) + index * 60_000).toISOString()},Torugart`,
      );
    const answer = await excuses.request('POST', '/registry-feeds/border-crossings/csv', {
      roles: ['ministry:border-service'],
      csv: lines.join('\r\n'),
    });
    expect(answer).toMatchObject({ status: 200, body: { rows: 2500, recorded: 2500, rejected: 0 } });
    expect(reassessed.slice(before)).toEqual(
      [1, 2, 3].map(() => ({ personalNumbers: [CHOLPON], precinctIds: [] })),
    );
    const transactions = (await excuses.dataSource.query(
      `select count(distinct tx_id)::int as n from events where type = 'BorderCrossingRecorded' and payload->>'crossingPoint' = 'Torugart'`,
    )) as { n: number }[];
    expect(transactions[0]?.n).toBe(3);
  });

  it('given the facts recorded, when read for a page of voters around polling day 2030-11-24, then each gets the facts of the window', async () => {
    const repository = excuses.app.get(ExemptionFactsRepository);
    // polling day in Bishkek ± 1 day
    const window = { from: '2030-11-22T18:00:00.000Z', to: '2030-11-25T18:00:00.000Z' };
    const facts = await excuses.dataSource.transaction((tx) =>
      repository.factsFor(
        tx,
        [
          { personalNumber: ALIYA, precinctId: '1101-001' },
          { personalNumber: BAKYT, precinctId: '0101-001' },
          { personalNumber: CHOLPON, precinctId: '0101-009' },
        ],
        window,
      ),
    );
    const aliya = facts.get(ALIYA);
    // the latest crossing at or before the opening, then those inside; none after
    expect(aliya?.borderCrossings.map(({ direction, at }) => ({ direction, at }))).toEqual([
      { direction: 'exit', at: '2030-11-20T10:00:00.000Z' },
      { direction: 'entry', at: '2030-11-24T15:00:00.000Z' },
    ]);
    expect(aliya).toMatchObject({ registeredDisability: false, dutyPeriods: [], disasters: [] });
    expect(facts.get(BAKYT)).toMatchObject({
      borderCrossings: [],
      dutyPeriods: [
        {
          category: 'military-remote-service',
          from: '2030-10-31T18:00:00.000Z',
          to: '2030-11-30T18:00:00.000Z',
        },
      ],
      disasters: [
        { from: '2030-11-23T06:00:00.000Z', to: '2030-11-25T18:00:00.000Z', reference: '2030/41-7' },
      ],
    });
    expect(facts.get(CHOLPON)).toMatchObject({
      dutyPeriods: [
        {
          category: 'continuous-cycle-work',
          from: '2030-11-23T18:00:00.000Z',
          to: '2030-11-25T02:00:00.000Z',
        },
      ],
      disasters: [],
    });
  });
});
