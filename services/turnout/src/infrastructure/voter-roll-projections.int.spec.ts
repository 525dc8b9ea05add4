import { v7 as uuidv7 } from 'uuid';
import { consumerCaughtUp, eventually } from '@vl/testing';
import { unlisted } from '../domain/voter-placement';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import {
  bishkekPrecinct,
  electionOn2030_11_24,
  personalNumberOf,
  VoterRollFeed,
} from '../testing/voter-roll-feed';
import { ElectoralRollRepository } from './electoral-roll.repository';

const VOTER_ROLL_TOPICS = ['voter-roll.elections.v1', 'voter-roll.precincts.v1', 'voter-roll.voter-lists.v1'];
// what this suite is about; turnout's own projections follow check-ins other suites publish on the shared broker
// while it runs (their replay is the auditor's suite, test/system/audit.e2e.spec.ts, on a broker of its own)
const VOTER_ROLL_PROJECTIONS = [
  'scheduled_elections',
  'precincts',
  'electoral_roll',
  'voter_list_finalizations',
  'absentee_transfers',
  'polling_day_inclusions',
];

const electionId = uuidv7();
const listedHome = personalNumberOf(1, '01021980');
const transferred = personalNumberOf(2, '01021980');
const listedOther = personalNumberOf(3, '01021980');
const included = personalNumberOf(4, '01021980');
// numbers no generated country reaches: other suites on the same broker register 1101-001 with other content
const HOME = '1101-901';
const OTHER = '1101-902';
const ABROAD = {
  ...bishkekPrecinct('9999-001'),
  regionCode: '99',
  regionName: 'Abroad',
  districtCode: '9999',
  districtName: 'Abroad',
  abroad: true,
  country: 'RU',
  address: 'Embassy, Moscow',
  timeZone: 'Europe/Moscow',
};

describe("turnout's projections of voter-roll's topics, through the real broker and database", () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let sent: Record<string, unknown>[];

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-20T06:00:00.000Z'));
    sent = await feed.publish(
      { type: 'ElectionCalled', payload: { ...electionOn2030_11_24(electionId) } },
      { type: 'PrecinctRegistered', payload: bishkekPrecinct(HOME) },
      {
        type: 'PrecinctRegistered',
        payload: { ...bishkekPrecinct(HOME), address: 'Gymnasium No. 5, Toktogul street' },
      },
      { type: 'PrecinctRegistered', payload: bishkekPrecinct(OTHER) },
      { type: 'PrecinctRegistered', payload: ABROAD },
      {
        type: 'CommissionMemberAppointed',
        payload: { precinctId: HOME, personalNumber: personalNumberOf(9), position: 'chair' },
      },
      ...[listedHome, transferred].map((personalNumber) => ({
        type: 'VoterListed',
        payload: { electionId, personalNumber, precinctId: HOME },
      })),
      { type: 'VoterListed', payload: { electionId, personalNumber: listedOther, precinctId: OTHER } },
      {
        type: 'VoterListFinalized',
        payload: { electionId, precinctId: HOME, voterCount: 2, merkleRoot: 'q83vEjRWeJA=' },
      },
      {
        type: 'AbsenteeCertificateIssued',
        payload: {
          electionId,
          personalNumber: transferred,
          serial: 'AC-000123',
          homePrecinctId: HOME,
          votingPrecinctId: OTHER,
          issuedBy: { subject: 'commission-1', role: 'commission' },
        },
      },
      {
        type: 'VoterIncludedOnPollingDay',
        payload: {
          electionId,
          personalNumber: included,
          precinctId: OTHER,
          addressReference: 'AR-77/2030 Leninsky',
          includedBy: { subject: 'commission-1', role: 'commission' },
        },
      },
    );
    // the events travel on three topics and many partitions: wait for the last fact of each
    await eventually(async () => {
      const [row] = (await turnout.dataSource.query(
        `select (select count(*)::int from polling_day_inclusions where election_id = $1) as inclusions,
                (select count(*)::int from absentee_transfers where election_id = $1) as transfers,
                (select count(*)::int from electoral_roll where election_id = $1) as listed,
                (select count(*)::int from voter_list_finalizations where election_id = $1) as finalized,
                (select count(*)::int from precincts where precinct_id = any($2) and address <> 'School No. 901, Chui avenue') as precincts`,
        [electionId, [HOME, OTHER, '9999-001']],
      )) as Record<string, number>[];
      return JSON.stringify(row) ===
        JSON.stringify({ inclusions: 1, transfers: 1, listed: 3, finalized: 1, precincts: 3 })
        ? true
        : undefined;
    }, 'the projections catching up');
  });
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given precincts registered (one twice), when projected, then each has its region and district and the latest registration wins', async () => {
    const rows = await turnout.dataSource.query(
      `select precinct_id, region_code, district_code, district_name, abroad, country, address from precincts
        where precinct_id = any($1) order by precinct_id`,
      [[HOME, OTHER, '9999-001']],
    );

    expect(rows).toEqual([
      {
        precinct_id: HOME,
        region_code: '11',
        district_code: '1101',
        district_name: 'Leninsky district',
        abroad: false,
        country: 'KG',
        address: 'Gymnasium No. 5, Toktogul street',
      },
      {
        precinct_id: OTHER,
        region_code: '11',
        district_code: '1101',
        district_name: 'Leninsky district',
        abroad: false,
        country: 'KG',
        address: 'School No. 902, Chui avenue',
      },
      {
        precinct_id: '9999-001',
        region_code: '99',
        district_code: '9999',
        district_name: 'Abroad',
        abroad: true,
        country: 'RU',
        address: 'Embassy, Moscow',
      },
    ]);
  });

  it('given the lists, a certificate and an inclusion, when projected, then the roll says where each voter may check in', async () => {
    const placements = await turnout.app
      .get(ElectoralRollRepository)
      .placementsOf(electionId, [listedHome, transferred, listedOther, included, personalNumberOf(99)]);

    expect(Object.fromEntries(placements)).toEqual({
      [listedHome]: { listedAt: [HOME], absenteeCertificates: [], includedAt: [] },
      [transferred]: {
        listedAt: [HOME],
        absenteeCertificates: [{ serial: 'AC-000123', homePrecinctId: HOME, votingPrecinctId: OTHER }],
        includedAt: [],
      },
      [listedOther]: { listedAt: [OTHER], absenteeCertificates: [], includedAt: [] },
      [included]: { listedAt: [], absenteeCertificates: [], includedAt: [OTHER] },
      [personalNumberOf(99)]: unlisted,
    });
    expect(
      await turnout.dataSource.query(
        'select precinct_id, voter_count, merkle_root from voter_list_finalizations where election_id = $1',
        [electionId],
      ),
    ).toEqual([{ precinct_id: HOME, voter_count: 2, merkle_root: 'q83vEjRWeJA=' }]);
  });

  it('given every event delivered again, when consumed, then nothing changes: each is applied exactly once', async () => {
    const before = await projectedRows(turnout);
    await feed.send(sent);
    const sentinel = personalNumberOf(50, '01021980');
    await feed.publish({
      type: 'VoterListed',
      payload: { electionId, personalNumber: sentinel, precinctId: OTHER },
    });
    await eventually(
      async () => ((await count(turnout, 'electoral_roll')) === 4 ? true : undefined),
      'the sentinel after the redelivery',
    );
    // other keys sit on other partitions: wait until the group has committed past everything sent
    await eventually(
      async () => ((await consumerCaughtUp(turnout.schema.name, VOTER_ROLL_TOPICS)) ? true : undefined),
      'the consumer committing past the redelivered events',
    );

    const after = await projectedRows(turnout);
    expect(after).toEqual({
      ...before,
      electoral_roll: [...(before['electoral_roll'] ?? []), [electionId, sentinel, OTHER]].sort(),
    });
    expect(await count(turnout, 'absentee_transfers')).toBe(1);
    expect(await count(turnout, 'electoral_roll')).toBe(4);
  });

  it("given a second turnout replaying voter-roll's topics on its own consumer group, when caught up, then the digest of every projection of them is the same", async () => {
    const replay = await startTurnout(new PollingDayClock('2030-11-20T06:00:00.000Z'));
    try {
      const names = (await digests(turnout)).map((digest) => digest.name);
      expect(names).toEqual([
        'scheduled_elections',
        'precincts',
        'electoral_roll',
        'voter_list_finalizations',
        'absentee_transfers',
        'polling_day_inclusions',
        'standing_check_ins',
        'turnout_counts',
        'check_in_minutes',
        'precinct_polls',
        'integrity_alerts',
      ]);
      // the replay reads every suite's history of the shared topics from the start: on a busy machine that takes a while
      let differing: string[] = [];
      await eventually(
        async () => {
          const [live, replayed] = [await digests(turnout), await digests(replay)];
          differing = live
            .filter((digest, i) => JSON.stringify(digest) !== JSON.stringify(replayed[i]))
            .map((digest) => digest.name)
            .filter((name) => VOTER_ROLL_PROJECTIONS.includes(name));
          return differing.length === 0 ? true : undefined;
        },
        'the replay reaching the live digests',
        100_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; still differing: ${differing.join(', ')}`);
      });
    } finally {
      await replay.close();
    }
  });
});

async function count(turnout: TurnoutUnderTest, table: string): Promise<number> {
  const [row] = (await turnout.dataSource.query(
    `select count(*)::int as n from ${table} where election_id = $1`,
    [electionId],
  )) as { n: number }[];
  return row?.n ?? 0;
}

async function digests(turnout: TurnoutUnderTest): Promise<{ name: string; rows: number; sha256: string }[]> {
  const response = await turnout.http
    .get('/ledger/read-model-digest')
    .set('authorization', `Bearer ${await turnout.token('auditor')}`)
    .expect(200);
  return (response.body as { projections: { name: string; rows: number; sha256: string }[] }).projections;
}

/** Every projected row of this suite's election and precincts, as plain arrays, each table sorted. */
async function projectedRows(turnout: TurnoutUnderTest): Promise<Record<string, unknown[][]>> {
  const tables = {
    scheduled_elections: 'election_id, title',
    electoral_roll: 'election_id, personal_number, precinct_id',
    voter_list_finalizations: 'election_id, precinct_id, voter_count',
    absentee_transfers: 'election_id, personal_number, serial, voting_precinct_id',
    polling_day_inclusions: 'election_id, personal_number, precinct_id, address_reference',
  };
  const rows: Record<string, unknown[][]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    const found: Record<string, unknown>[] = await turnout.dataSource.query(
      `select ${columns} from ${table} where election_id = $1`,
      [electionId],
    );
    rows[table] = found.map((row) => Object.values(row)).sort();
  }
  const precincts: Record<string, unknown>[] = await turnout.dataSource.query(
    'select precinct_id, address from precincts where precinct_id = any($1)',
    [[HOME, OTHER, '9999-001']],
  );
  rows['precincts'] = precincts.map((row) => Object.values(row)).sort();
  return rows;
}
