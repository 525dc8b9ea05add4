import { electionCalledPayload } from '@vl/contracts/testing';
import { seedAdoptionIdOf } from '@vl/policy';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, readTopic, TestClock, type TopicMessage } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { STATUTORY_EXCUSE_WINDOW } from './domain/excuse-window-policy';
import { STATUTORY_WORKING_DAY_CALENDAR } from './domain/working-day-calendar';
import { startExcuses, type ExcusesUnderTest } from './testing/excuses-under-test';

const electionId = uuidv7();
const election = electionCalledPayload(electionId);
// a precinct number no generated country reaches
const PRECINCT = '1101-917';
// personal numbers no other suite uses: sex digit, birth date DDMMYYYY, five digits
const plain = '22902196800917'; // born 29 February 1968: 62 on election day
const twice = '12903197500917';
const disabled = '21505198000917';
const over70 = '12311196000917'; // 70th birthday 23 November 2030, the day before election day: over 70
const turns70 = '12411196000917'; // 70th birthday on election day itself: 70, not over 70
const absences = new Map([plain, twice, disabled, over70, turns70].map((pin) => [pin, uuidv7()]));
const absenceOf = (pin: string) => absences.get(pin) as string;
const absent = (personalNumber: string) => ({
  type: 'VoterAbsent',
  eventId: absenceOf(personalNumber),
  payload: { electionId, personalNumber, electionDate: '2030-11-24', precinctId: PRECINCT },
});
// the 10th working day after Sunday 24 November 2030 is Friday 6 December: 23:59:59 in Bishkek
const CLOSES_AT = '2030-12-06T17:59:59.000Z';

describe('excuses through the real broker and database: from VoterAbsent to excused or unexcused', () => {
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;
  const streamEvents = async (pin: string, type: string): Promise<{ payload: Record<string, unknown> }[]> =>
    excuses.dataSource.query(
      'select payload from events where stream_id = $1 and type = $2 order by stream_version',
      [`absence-case-${absenceOf(pin)}`, type],
    );
  // other suites publish absences on the same broker, and every excuses answers them: keep this election's own
  const own = async () => {
    const rows: { event_id: string }[] = await excuses.dataSource.query('select event_id from events');
    const ids = new Set(rows.map((row) => row.event_id));
    return (message: TopicMessage) =>
      ids.has(message.envelope.eventId) && message.envelope.payload['electionId'] === electionId;
  };

  beforeAll(async () => {
    feed = await EventFeed.connect();
    // the day after the election, 12:00 in Bishkek
    excuses = await startExcuses(new TestClock('2030-11-25T06:00:00.000Z'));
  });
  afterAll(async () => {
    await excuses?.close();
    await feed?.close();
  });

  it('given a fresh stack, when the policies are listed, then each kind holds its statutory seed', async () => {
    expect(
      await excuses.request('GET', '/policies/excuses.excuse-window', { roles: ['auditor'] }),
    ).toMatchObject({
      status: 200,
      body: {
        adoptions: [{ id: seedAdoptionIdOf('excuses.excuse-window'), content: STATUTORY_EXCUSE_WINDOW }],
      },
    });
    const calendar = await excuses.request(
      'GET',
      '/policies/excuses.working-day-calendar/in-force?date=2030-11-24',
      {
        roles: ['commission'],
      },
    );
    expect(calendar).toMatchObject({ status: 200, body: { content: STATUTORY_WORKING_DAY_CALENDAR } });
    const categories = await excuses.request(
      'GET',
      '/policies/excuses.exemption-categories/in-force?date=2030-11-24',
      {
        roles: ['auditor'],
      },
    );
    expect(categories).toMatchObject({
      status: 200,
      body: {
        content: { overAge: { years: 70, birthdayOnElectionDay: 'not-over' }, abroad: 'whole-polling-hours' },
      },
    });
  });

  it('given voter-roll calls the election, registers the precinct and one voter on the disability registry, then excuses keeps what it needs', async () => {
    await feed.publish(
      'voter-roll',
      { type: 'ElectionCalled', payload: election },
      {
        type: 'PrecinctRegistered',
        payload: {
          precinctId: PRECINCT,
          regionCode: '11',
          regionName: 'Bishkek',
          districtCode: '1101',
          districtName: 'Leninsky',
          abroad: false,
          country: 'KG',
          address: 'School No. 1',
          timeZone: 'Asia/Bishkek',
        },
      },
      {
        type: 'RegisteredDisabilityRecorded',
        payload: { personalNumber: disabled, registeredDisability: true },
      },
    );
    const recorded = await eventually(
      () => excuses.app.get(ElectionsOnRecord).find(electionId),
      'the election in the elections projection',
    );
    expect(recorded).toMatchObject({
      electionDate: '2030-11-24',
      pollsOpenAt: '07:00',
      pollsCloseAt: '20:00',
    });
    await eventually(async () => {
      const rows: unknown[] = await excuses.dataSource.query(
        'select 1 from registered_disabilities where personal_number = $1 and registered_disability',
        [disabled],
      );
      const precincts: unknown[] = await excuses.dataSource.query(
        'select 1 from precincts where precinct_id = $1',
        [PRECINCT],
      );
      return rows.length === 1 && precincts.length === 1 ? true : undefined;
    }, 'the disability flag and the precinct');
  });

  it('given five absences (one delivered twice), when consumed, then registries excuse two at once and three windows open, each once', async () => {
    const [first] = await feed.publish('turnout', ...[plain, twice, disabled, over70, turns70].map(absent));
    await feed.send('turnout', [first as Record<string, unknown>]);
    const sent = await feed.publish('turnout', absent(twice));
    expect(sent).toHaveLength(1);
    await eventually(async () => {
      const rows: unknown[] = await excuses.dataSource.query(
        'select 1 from absences where election_id = $1',
        [electionId],
      );
      return rows.length === 5 ? true : undefined;
    }, 'five absences recorded');

    const [opened] = await streamEvents(plain, 'ExcuseWindowOpened');
    expect(opened?.payload).toEqual({
      absenceId: absenceOf(plain),
      electionId,
      personalNumber: plain,
      precinctId: PRECINCT,
      electionDate: '2030-11-24',
      workingDays: 10,
      lastWorkingDay: '2030-12-06',
      closesAt: CLOSES_AT,
      policies: {
        excuseWindow: seedAdoptionIdOf('excuses.excuse-window'),
        workingDayCalendar: seedAdoptionIdOf('excuses.working-day-calendar'),
      },
    });
    expect(await streamEvents(twice, 'ExcuseWindowOpened')).toHaveLength(1);
    expect(await streamEvents(turns70, 'ExcuseWindowOpened')).toHaveLength(1);
    expect((await streamEvents(disabled, 'AbsenceExcused'))[0]?.payload).toMatchObject({
      basis: { kind: 'exemption', category: 'registered-disability', registry: 'disability-registry' },
      excusedOn: '2030-11-25',
      annulsUnexcused: false,
      exemptionPolicy: seedAdoptionIdOf('excuses.exemption-categories'),
    });
    expect((await streamEvents(over70, 'AbsenceExcused'))[0]?.payload).toMatchObject({
      basis: { kind: 'exemption', category: 'over-70', registry: 'birth-date' },
    });
    // one close for the election, at the first second after the window
    const deadlines: unknown[] = await excuses.dataSource.query(
      `select key, due_at from deadlines where kind = 'excuses.window-closes' and key = $1`,
      [electionId],
    );
    expect(deadlines).toEqual([{ key: electionId, due_at: new Date('2030-12-06T18:00:00.000Z') }]);
  });

  it("given the window's last second, when the clock stands at 23:59:59.5, then all stay open; past it, the three open ones are unexcused, once, on excuses.absence-outcomes.v1", async () => {
    excuses.clock.set('2030-12-06T17:59:59.500Z');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await streamEvents(plain, 'AbsenceUnexcused')).toEqual([]);

    excuses.clock.set('2030-12-06T18:00:00.000Z');
    await eventually(
      async () => ((await streamEvents(turns70, 'AbsenceUnexcused')).length > 0 ? true : undefined),
      'AbsenceUnexcused',
    );
    excuses.clock.set('2031-06-01T00:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const pin of [plain, twice, turns70])
      expect(await streamEvents(pin, 'AbsenceUnexcused')).toHaveLength(1);
    expect((await streamEvents(plain, 'AbsenceUnexcused'))[0]?.payload).toEqual({
      absenceId: absenceOf(plain),
      electionId,
      personalNumber: plain,
      precinctId: PRECINCT,
      electionDate: '2030-11-24',
      lastWorkingDay: '2030-12-06',
      policies: {
        excuseWindow: seedAdoptionIdOf('excuses.excuse-window'),
        workingDayCalendar: seedAdoptionIdOf('excuses.working-day-calendar'),
        exemptionCategories: seedAdoptionIdOf('excuses.exemption-categories'),
      },
    });
    const published = await readTopic('excuses.absence-outcomes.v1', { keep: await own(), until: 5 });
    expect(published.map((message) => [message.key, message.envelope.type]).sort()).toEqual(
      [
        [disabled, 'AbsenceExcused'],
        [over70, 'AbsenceExcused'],
        [plain, 'AbsenceUnexcused'],
        [twice, 'AbsenceUnexcused'],
        [turns70, 'AbsenceUnexcused'],
      ].sort(),
    );
  });

  it('given an unexcused absence, when the Border Service later reports the voter left the country a minute before the polls opened, then the absence is excused, annulling the violation, and the counts follow', async () => {
    const submitted = await excuses.request('POST', '/registry-feeds/border-crossings', {
      roles: ['ministry:border-service'],
      json: {
        crossings: [
          // 06:59 in Bishkek on election day; back only after the close
          {
            personalNumber: twice,
            direction: 'exit',
            at: '2030-11-24T06:59:00+06:00',
            crossingPoint: 'Manas airport',
          },
          {
            personalNumber: twice,
            direction: 'entry',
            at: '2030-11-24T20:00:00+06:00',
            crossingPoint: 'Manas airport',
          },
        ],
      },
    });
    expect(submitted).toMatchObject({ status: 200, body: { recorded: 2, rejected: 0 } });
    const [excused] = await streamEvents(twice, 'AbsenceExcused');
    expect(excused?.payload).toMatchObject({
      basis: { kind: 'exemption', category: 'abroad', registry: 'border-crossings' },
      annulsUnexcused: true,
      excusedOn: '2031-06-01',
    });
    // the same report again changes nothing
    await excuses.request('POST', '/registry-feeds/border-crossings', {
      roles: ['ministry:border-service'],
      json: {
        crossings: [
          {
            personalNumber: twice,
            direction: 'exit',
            at: '2030-11-24T06:59:00+06:00',
            crossingPoint: 'Manas airport',
          },
        ],
      },
    });
    expect(await streamEvents(twice, 'AbsenceExcused')).toHaveLength(1);
  });

  it('given the outcomes, when the open-data counts are read by precinct and for the country, then the absolute numbers add up', async () => {
    const country = await excuses.request('GET', `/elections/${electionId}/absence-outcomes`, {
      roles: ['auditor'],
    });
    expect(country).toMatchObject({
      status: 200,
      body: {
        level: 'country',
        units: [
          {
            code: 'KG',
            absent: 5,
            open: 0,
            excused: 3,
            unexcused: 2,
            excusedBy: { 'registered-disability': 1, 'over-70': 1, abroad: 1 },
          },
        ],
      },
    });
    const district = await excuses.request(
      'GET',
      `/elections/${electionId}/absence-outcomes?level=district`,
      {
        roles: ['auditor'],
      },
    );
    expect(district.body).toMatchObject({ units: [{ code: '1101', absent: 5 }] });
    const wrong = await excuses.request('GET', `/elections/${electionId}/absence-outcomes?level=street`, {
      roles: ['auditor'],
    });
    expect(wrong).toMatchObject({ status: 400, body: { errors: [{ field: 'level' }] } });
  });

  it('given the window closed, when an absence of the election is delivered only now, then it is closed at once: unexcused', async () => {
    const late = '21406197900917';
    absences.set(late, uuidv7());
    await feed.publish('turnout', absent(late));
    await eventually(
      async () => ((await streamEvents(late, 'AbsenceUnexcused')).length === 1 ? true : undefined),
      'the late absence unexcused',
    );
    expect(await streamEvents(late, 'ExcuseWindowOpened')).toHaveLength(1);
  });
});
