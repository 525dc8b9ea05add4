import { electionCalledPayload } from '@vl/contracts/testing';
import { seedAdoptionIdOf } from '@vl/policy';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, readTopic, TestClock, type TopicMessage } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { STATUTORY_EXCUSE_WINDOW } from './domain/excuse-window-policy';
import { STATUTORY_WORKING_DAY_CALENDAR } from './domain/working-day-calendar';
import { startExcuses, type ExcusesUnderTest } from './testing/excuses-under-test';

const electionId = uuidv7();
const absenceId = uuidv7();
// a personal number no other suite uses: a man born 29 February 1968
const voter = '22902196800917';
const election = electionCalledPayload(electionId);
const absent = { electionId, personalNumber: voter, electionDate: '2030-11-24', precinctId: '1101-917' };
// the 10th working day after Sunday 24 November 2030 is Friday 6 December: 23:59:59 in Bishkek
const CLOSES_AT = '2030-12-06T17:59:59.000Z';

describe('excuses through the real broker and database: seed policies, elections, an absence from window to close', () => {
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;
  const caseEvents = async (type: string): Promise<{ payload: Record<string, unknown> }[]> =>
    excuses.dataSource.query(
      'select payload from events where stream_id = $1 and type = $2 order by stream_version',
      [`absence-case-${absenceId}`, type],
    );
  const digest = async () =>
    (await excuses.request('GET', '/ledger/read-model-digest', { roles: ['auditor'] })).body as {
      projections: { name: string; rows: number; sha256: string }[];
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
        adoptions: [
          {
            id: seedAdoptionIdOf('excuses.excuse-window'),
            effectiveFrom: '2000-01-01',
            adoptedBy: { body: 'statute' },
            content: STATUTORY_EXCUSE_WINDOW,
          },
        ],
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
  });

  // other suites' excuses on the same broker (the six-service system test) answer this suite's absences too
  const ownMessagesOf = async (id: string) => {
    const rows: { event_id: string }[] = await excuses.dataSource.query('select event_id from events');
    const own = new Set(rows.map((row) => row.event_id));
    return (message: TopicMessage) =>
      message.envelope.payload['absenceId'] === id && own.has(message.envelope.eventId);
  };

  it('given voter-roll calls an election, when ElectionCalled is on voter-roll.elections.v1, then the elections projection holds it and its digest changes', async () => {
    const before = (await digest()).projections.find((projection) => projection.name === 'elections');
    await feed.publish('voter-roll', { type: 'ElectionCalled', payload: election });
    const recorded = await eventually(
      () => excuses.app.get(ElectionsOnRecord).find(electionId),
      'the election in the elections projection',
    );
    expect(recorded).toEqual({
      electionId,
      kind: 'parliamentary',
      title: election.title,
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
    });
    const after = (await digest()).projections.find((projection) => projection.name === 'elections');
    expect(after?.sha256).not.toBe(before?.sha256);
    expect(after?.rows).toBeGreaterThan(before?.rows ?? 0);
  });

  it('given turnout records the voter absent, when VoterAbsent is on turnout.absences.v1 (twice), then one window opens, published on excuses.absence-cases.v1', async () => {
    const [envelope] = await feed.publish('turnout', {
      type: 'VoterAbsent',
      payload: absent,
      eventId: absenceId,
    });
    await feed.send('turnout', [envelope as Record<string, unknown>]);
    const [opened] = await eventually(async () => {
      const rows = await caseEvents('ExcuseWindowOpened');
      return rows.length > 0 ? rows : undefined;
    }, 'ExcuseWindowOpened');
    expect(opened?.payload).toEqual({
      absenceId,
      electionId,
      personalNumber: voter,
      electionDate: '2030-11-24',
      workingDays: 10,
      lastWorkingDay: '2030-12-06',
      closesAt: CLOSES_AT,
      policies: {
        excuseWindow: seedAdoptionIdOf('excuses.excuse-window'),
        workingDayCalendar: seedAdoptionIdOf('excuses.working-day-calendar'),
      },
    });
    const [deadline] = await excuses.dataSource.query(
      `select kind, due_at, fired_at from deadlines where kind = 'excuses.window-closes' and key = $1`,
      [absenceId],
    );
    expect(deadline).toEqual({
      kind: 'excuses.window-closes',
      due_at: new Date('2030-12-06T18:00:00.000Z'),
      fired_at: null,
    });
    const published = await readTopic('excuses.absence-cases.v1', {
      keep: await ownMessagesOf(absenceId),
      until: 1,
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      key: voter,
      envelope: { type: 'ExcuseWindowOpened', producer: 'excuses', causationId: absenceId },
    });
    expect(await caseEvents('ExcuseWindowOpened')).toHaveLength(1);
  });

  it("given the window's last second, when the clock stands at 23:59:59.5, then it stays open; past it, ExcuseWindowClosed is recorded exactly once", async () => {
    excuses.clock.set('2030-12-06T17:59:59.500Z');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await caseEvents('ExcuseWindowClosed')).toEqual([]);

    excuses.clock.set('2030-12-06T18:00:00.000Z');
    const [closed] = await eventually(async () => {
      const rows = await caseEvents('ExcuseWindowClosed');
      return rows.length > 0 ? rows : undefined;
    }, 'ExcuseWindowClosed');
    expect(closed?.payload).toEqual({
      absenceId,
      electionId,
      personalNumber: voter,
      closesAt: CLOSES_AT,
      closedAt: '2030-12-06T18:00:00.000Z',
    });
    // later passes of the runner, and a jump further ahead, fire nothing more
    excuses.clock.set('2031-06-01T00:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await caseEvents('ExcuseWindowClosed')).toHaveLength(1);
    const published = await readTopic('excuses.absence-cases.v1', {
      keep: await ownMessagesOf(absenceId),
      until: 2,
    });
    expect(published.map((message) => message.envelope.type)).toEqual([
      'ExcuseWindowOpened',
      'ExcuseWindowClosed',
    ]);
  });
});
