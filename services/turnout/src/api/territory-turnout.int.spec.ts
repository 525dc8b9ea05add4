import { precinctsScope } from '@vl/auth';
import { homePrecinctPayload, localElectionPayload } from '@vl/contracts/testing';
import { v7 as uuidv7 } from 'uuid';
import { eventually, readTopic } from '@vl/testing';
import { bishkek } from '../domain/check-in.fixtures';
import { openPolls } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

// a local election of district 1101; precinct 1102-063 of the next district is in the geography but not in it
const [IN_1, IN_2, OUTSIDE] = ['1101-061', '1101-062', '1102-063'] as const;
const [came, stayedHome, alsoStayedHome, outsider] = [1, 2, 3, 4].map((n) =>
  personalNumberOf(n, '05051975'),
) as [string, string, string, string];

describe('a district election: turnout covers the precincts of its territory only', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let operator: string;

  const figures = (query: string) =>
    turnout.http.get(`/elections/${electionId}/turnout${query}`).set('authorization', `Bearer ${operator}`);
  const checkIn = async (personalNumber: string, precinctId: string) =>
    turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw-local', precinctsScope(electionId, precinctId))}`,
      )
      .send({
        checkInId: uuidv7(),
        personalNumber,
        precinctId,
        method: 'station',
        identification: 'biometric',
      });

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock(bishkek('06:00')));
    operator = await turnout.token('cec-operator', 'cec-operator-7');
    electionId = uuidv7();
    // what voter-roll publishes for a district election: lists for the district's precincts only
    await feed.publish(
      { type: 'ElectionCalled', payload: localElectionPayload('1101', electionId) },
      ...[IN_1, IN_2, OUTSIDE].map((precinctId) => ({
        type: 'PrecinctRegistered',
        payload: homePrecinctPayload(precinctId),
      })),
      ...[
        [came, IN_1],
        [stayedHome, IN_1],
        [alsoStayedHome, IN_2],
      ].map(([personalNumber, precinctId]) => ({
        type: 'VoterListed',
        payload: { electionId, personalNumber, precinctId },
      })),
      ...[
        [IN_1, 2],
        [IN_2, 1],
      ].map(([precinctId, voterCount]) => ({
        type: 'VoterListFinalized',
        payload: { electionId, precinctId, voterCount, merkleRoot: 'bWVya2xlIHJvb3Qgb2YgYSBsaXN0' },
      })),
    );
    await eventually(async () => {
      const [row] = (await turnout.dataSource.query(
        `select (select count(*) from voter_list_finalizations where election_id = $1)::int as lists,
                (select count(*) from electoral_roll where election_id = $1)::int as voters,
                (select count(*) from precincts where precinct_id = any($2))::int as precincts`,
        [electionId, [IN_1, IN_2, OUTSIDE]],
      )) as { lists: number; voters: number; precincts: number }[];
      return row?.lists === 2 && row.voters === 3 && row.precincts === 3 ? true : undefined;
    }, 'turnout projecting the district election');
    turnout.clock.set(bishkek('07:00'));
    await openPolls(turnout, electionId, [IN_1, IN_2, OUTSIDE]);
    turnout.clock.set(bishkek('09:00'));
    expect((await checkIn(came, IN_1)).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given a precinct outside the district, when a resident there is presented, then there is no list to find them on', async () => {
    const refused = await checkIn(outsider, OUTSIDE);

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ outcome: 'rejected', code: 'not-on-list' });
  });

  it('given the district election, when the figures are asked for, then they list the district and its precincts only', async () => {
    const country = await eventually(async () => {
      const answer = await figures('?level=country');
      return answer.body.checkedIn === 1 ? answer.body : undefined;
    }, 'the check-in counted');

    expect(country).toMatchObject({ registered: 3, checkedIn: 1 });
    expect((await figures('?level=region&code=11')).body.children).toEqual([
      expect.objectContaining({ level: 'district', code: '1101', registered: 3, checkedIn: 1 }),
    ]);
    expect(
      ((await figures('?level=district&code=1101')).body.children as { code: string }[]).map(
        (child) => child.code,
      ),
    ).toEqual([IN_1, IN_2]);
  });

  it('given the polls closed, when participation is finalized, then the district’s absentees only are absent', async () => {
    turnout.clock.set(bishkek('20:00'));
    for (const precinctId of [IN_1, IN_2, OUTSIDE]) {
      const closed = await turnout.http
        .post(`/elections/${electionId}/precincts/${precinctId}/polls/close`)
        .set(
          'authorization',
          `Bearer ${await turnout.token('commission', 'chair', precinctsScope(electionId, precinctId))}`,
        );
      expect(closed.status).toBe(201);
    }
    turnout.clock.set(bishkek('20:30'));

    const finalized = await turnout.http
      .post(`/elections/${electionId}/participation/finalize`)
      .set('authorization', `Bearer ${operator}`);

    expect(finalized.status).toBe(202);
    expect(finalized.body).toMatchObject({ registered: 3, participated: 1, absent: 2 });
    const absences = await readTopic('turnout.absences.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 2,
    });
    expect(
      absences
        .map((message) => [
          message.envelope.payload['personalNumber'],
          message.envelope.payload['precinctId'],
        ])
        .sort(),
    ).toEqual(
      [
        [stayedHome, IN_1],
        [alsoStayedHome, IN_2],
      ].sort(),
    );
  });
});
