import { precinctsScope } from '@vl/auth';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@vl/testing';
import type { TurnoutUnderTest } from './turnout-under-test';
import { bishkekPrecinct, electionOn2030_11_24, VoterRollFeed, type VoterRollEvent } from './voter-roll-feed';

const COMMISSION_MEMBER = { subject: 'commission-1', role: 'commission' };

export interface RollOfScenario {
  readonly precincts: readonly string[];
  /** personal number → precinct of the finalized list */
  readonly listed?: Readonly<Record<string, string>>;
  readonly transfers?: readonly { personalNumber: string; serial: string; from: string; to: string }[];
  readonly inclusions?: readonly { personalNumber: string; precinctId: string }[];
}

/**
 * Publishes an election on 24 November 2030 with its precincts and roll through voter-roll's topics, and waits
 * until turnout has projected all of it. Returns the new election's id.
 */
export async function publishPollingDay(
  feed: VoterRollFeed,
  turnout: TurnoutUnderTest,
  roll: RollOfScenario,
): Promise<string> {
  const electionId = uuidv7();
  const listed = Object.entries(roll.listed ?? {});
  const events: VoterRollEvent[] = [
    { type: 'ElectionCalled', payload: { ...electionOn2030_11_24(electionId) } },
    ...roll.precincts.map((precinctId) => ({
      type: 'PrecinctRegistered',
      payload: bishkekPrecinct(precinctId),
    })),
    ...listed.map(([personalNumber, precinctId]) => ({
      type: 'VoterListed',
      payload: { electionId, personalNumber, precinctId },
    })),
    ...(roll.transfers ?? []).map(({ personalNumber, serial, from, to }) => ({
      type: 'AbsenteeCertificateIssued',
      payload: {
        electionId,
        personalNumber,
        serial,
        homePrecinctId: from,
        votingPrecinctId: to,
        issuedBy: COMMISSION_MEMBER,
      },
    })),
    ...(roll.inclusions ?? []).map(({ personalNumber, precinctId }) => ({
      type: 'VoterIncludedOnPollingDay',
      payload: {
        electionId,
        personalNumber,
        precinctId,
        addressReference: `AR-${personalNumber.slice(-5)}/2030`,
        includedBy: COMMISSION_MEMBER,
      },
    })),
  ];
  await feed.publish(...events);
  const expected = listed.length + (roll.transfers?.length ?? 0) + (roll.inclusions?.length ?? 0);
  await eventually(async () => {
    const [row] = (await turnout.dataSource.query(
      `select (select count(*) from electoral_roll where election_id = $1)
            + (select count(*) from absentee_transfers where election_id = $1)
            + (select count(*) from polling_day_inclusions where election_id = $1) as facts,
              (select count(*) from scheduled_elections where election_id = $1) as elections,
              (select count(*) from precincts where precinct_id = any($2)) as precincts`,
      [electionId, roll.precincts],
    )) as { facts: string; elections: string; precincts: string }[];
    return Number(row?.facts) === expected &&
      Number(row?.elections) === 1 &&
      Number(row?.precincts) === roll.precincts.length
      ? true
      : undefined;
  }, 'turnout projecting the polling day');
  return electionId;
}

/** The commission of each precinct opens its polls at the clock's current time. */
export async function openPolls(turnout: TurnoutUnderTest, electionId: string, precincts: readonly string[]) {
  for (const precinctId of precincts) {
    const token = await turnout.token('commission', 'chair', precinctsScope(electionId, precinctId));
    await turnout.http
      .post(`/elections/${electionId}/precincts/${precinctId}/polls/open`)
      .set('authorization', `Bearer ${token}`)
      .expect(201);
  }
}

/** How many events the voter's check-in stream holds in turnout's log. */
export async function eventsInStream(turnout: TurnoutUnderTest, electionId: string, personalNumber: string) {
  const rows: { type: string }[] = await turnout.dataSource.query(
    'select type from events where stream_id = $1 order by stream_version',
    [`check-in-${electionId}-${personalNumber}`],
  );
  return rows.map((row) => row.type);
}

/**
 * How many events turnout's commands have appended. Alerts are left out: the read model raises them from any
 * check-ins on the topics, which other suites of the same run share.
 */
export async function logSize(turnout: TurnoutUnderTest): Promise<number> {
  const [row] = (await turnout.dataSource.query(
    `select count(*)::int as n from events where type <> 'IntegrityAlertRaised'`,
  )) as { n: number }[];
  return row?.n ?? 0;
}
