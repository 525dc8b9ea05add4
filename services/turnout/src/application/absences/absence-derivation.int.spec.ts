import { eventually } from '@vl/testing';
import { publishPollingDay } from '../../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../../testing/voter-roll-feed';

const HOME = '1101-051';
const VOTERS = Array.from({ length: 12 }, (_, index) => personalNumberOf(index + 1, '03031977'));

// no polls ever opened: nobody checked in, every listed voter is absent; finalized after the official close + grace
describe('AbsenceDerivation: a turnout stopped while deriving resumes when it starts again', () => {
  let feed: VoterRollFeed;
  let first: TurnoutUnderTest | undefined;
  let restarted: TurnoutUnderTest | undefined;

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
  });
  afterAll(async () => {
    await restarted?.close();
    await feed?.close();
  });

  it('given a derivation stopped after some pages, when turnout starts again, then it derives the rest and no voter twice', async () => {
    const clock = new PollingDayClock('2030-11-24T15:00:00.000Z');
    first = await startTurnout(clock, { absenceDerivation: { pageSize: 1 } });
    const electionId = await publishPollingDay(feed, first, {
      precincts: [HOME],
      listed: Object.fromEntries(VOTERS.map((voter) => [voter, HOME])),
    });
    const finalized = await first.http
      .post(`/elections/${electionId}/participation/finalize`)
      .set('authorization', `Bearer ${await first.token('cec-operator')}`);
    expect([finalized.status, finalized.body.absent]).toEqual([202, VOTERS.length]);
    await first.app.close();
    const absences = async (dataSource: TurnoutUnderTest['dataSource']) =>
      (
        (await dataSource.query(
          `select count(*)::int as events, count(distinct payload->>'personalNumber')::int as voters
             from events where stream_id = $1`,
          [`absences-${electionId}`],
        )) as { events: number; voters: number }[]
      )[0];

    const probe = await first.schema.dataSource([], 1);
    const beforeResume = await absences(probe);
    await probe.destroy();
    restarted = await startTurnout(clock, { schema: first.schema, absenceDerivation: { pageSize: 5 } });
    const status = await eventually(async () => {
      const answer = await restarted?.http
        .get(`/elections/${electionId}/participation`)
        .set('authorization', `Bearer ${await restarted.token('auditor')}`);
      return answer?.body.state === 'derived' ? answer.body : undefined;
    }, 'the restarted turnout deriving the rest');

    expect(beforeResume?.events).toBeLessThan(VOTERS.length);
    expect(status).toMatchObject({ absent: VOTERS.length, absencesDerived: VOTERS.length });
    expect(await absences(restarted.dataSource)).toEqual({ events: VOTERS.length, voters: VOTERS.length });
  });
});
