import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topicName } from '@vl/contracts';
import {
  defaultDrillDate,
  drillClockStart,
  expectedExcuses,
  planPollingDay,
  runDrill,
  silentProgress,
  startIsolatedDrillClock,
  type DrillOutcome,
} from '@vl/local-stack';
import { eventually, readTopic, testDatabaseUrl } from '@vl/testing';
import { Client } from 'pg';
import { startSixServices, type SixServices } from '../support/six-services';

// 13 polling hours in 78 s, Bishkek's opening to the last close abroad (Moscow, 16 h) in 96 s: slow enough that a
// loaded machine answers within the drill's margins
const SPEED = 600;
const LEAD_SECONDS = 70;
// start-up, the lead to the first opening, the day to Moscow's close, the grace and the finalization
const DRILL_TIMEOUT_MS = 270_000;
// the statutory excuse window is 10 working days: 30 days is past it whatever holidays it meets
const PAST_THE_EXCUSE_WINDOW = 'P30D';
// a batch of VoterAbsent, or a page of 2,000 at the window's close, is one transaction of excuses: seconds
const EXCUSES_WAIT_MS = 60_000;

describe('polling day across voter-roll, turnout and excuses, through HTTP and Kafka only', () => {
  const plan = planPollingDay({
    seed: 'system-test',
    citizens: 3_000,
    electionDate: defaultDrillDate(),
    timeZone: 'Asia/Bishkek',
  });
  const excuses = expectedExcuses(plan);
  const workDir = mkdtempSync(join(tmpdir(), 'vl-polling-day-'));
  let stack: SixServices;
  let drillClock: Awaited<ReturnType<typeof startIsolatedDrillClock>> | undefined;
  let outcome: DrillOutcome;
  // the drill's own account, shown when it did not finish
  const progress: string[] = [];
  const started = Date.now();
  const log = (line: string) => progress.push(`${Math.round((Date.now() - started) / 1000)} s ${line}`);

  beforeAll(async () => {
    const clockStart = () => drillClockStart(plan.opensAt, SPEED, LEAD_SECONDS);
    drillClock = await startIsolatedDrillClock(testDatabaseUrl(), clockStart());
    stack = await startSixServices({ env: drillClock.env });
    // the drill begins once the six are healthy, as ./vl up does
    await drillClock.restart(clockStart());
    log('six services healthy');
    outcome = await runDrill(
      {
        voterRoll: stack.urls['voter-roll'],
        turnout: stack.urls.turnout,
        token: (...roles) => stack.token(...roles),
        scopedToken: (scope, subject, ...roles) => stack.scopedToken(scope, subject, ...roles),
      },
      plan,
      {
        speed: SPEED,
        graceMinutes: 30,
        concurrency: 8,
        workDir,
        log,
        progress: silentProgress,
      },
    );
    log('drill done');
  }, DRILL_TIMEOUT_MS);
  afterAll(async () => {
    if (!outcome || outcome.mismatches.length > 0)
      process.stderr.write(`polling-day drill:\n${progress.join('\n')}\n`);
    await stack?.stop();
    await drillClock?.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('given the plan, when polling day ran, then every request was answered as planned', () => {
    const doubleVotes = plan.steps.filter((step) => step.kind === 'double-vote').length;
    const singles = plan.steps.filter((step) => step.kind === 'check-in').length;
    const synced = plan.steps.reduce(
      (sum, step) => sum + (step.kind === 'sync' ? step.checkIns.length : 0),
      0,
    );
    expect(doubleVotes).toBeGreaterThanOrEqual(3);
    expect(outcome.tally).toEqual({
      accepted: singles + synced,
      duplicates: doubleVotes,
      revoked: 2,
      unexpected: [],
      unexpectedCount: 0,
    });
  });

  it('given the finalized lists, when turnout is read, then registered per region and country are exact', () => {
    const { observed } = outcome;
    expect(observed.registered).toBe(plan.expected.registered);
    expect(observed.regions.map(({ code, registered }) => ({ code, registered }))).toEqual(
      plan.expected.regions.map(({ code, registered }) => ({ code, registered })),
    );
    expect(plan.expected.regions.map((region) => region.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '11',
      '12',
      '99',
    ]);
  });

  it('given the check-ins, revocations and late syncs, when turnout is read, then check-ins per region and country are exact', () => {
    const { observed } = outcome;
    expect(observed.checkedIn).toBe(plan.expected.checkedIn);
    expect(observed.regions).toEqual(plan.expected.regions);
    expect(observed.byMethod).toEqual(plan.expected.byMethod);
    expect(observed.byHour).toEqual(plan.expected.byHour);
  });

  it('given the double votes, when the alerts are listed, then one duplicate-check-in alert per attempt, at the attempted precinct', () => {
    const attempted = plan.steps.flatMap((step) => (step.kind === 'double-vote' ? [step.precinctId] : []));
    expect(outcome.observed.alertPrecincts['duplicate-check-in']).toEqual([...attempted].sort());
  });

  it('given the planted anomaly, when the alerts are listed, then it raises high turnout, the last-hour spike and the rate alerts, and no ordinary precinct raises those', () => {
    const anomaly = plan.anomalyPrecinctId;
    const { alertPrecincts } = outcome.observed;
    expect(alertPrecincts['high-turnout']).toEqual([anomaly]);
    expect(alertPrecincts['last-hour-spike']).toEqual([anomaly]);
    expect(new Set(alertPrecincts['check-in-rate'])).toEqual(new Set([anomaly]));
    expect(alertPrecincts['check-in-rate']).toHaveLength(plan.expected.alerts['check-in-rate'] as number);
    expect(plan.expected.alerts['check-in-rate']).toBeGreaterThan(0);
    expect(outcome.observed.alerts).toEqual(plan.expected.alerts);
    expect(outcome.mismatches).toEqual([]);
  });

  it('given participation finalized, when turnout.participation.v1 is read, then ParticipationFinalized carries the exact figures', async () => {
    const [finalized] = await onTopic(topicName('turnout', 'participation', 1), outcome.electionId, 1);
    expect(finalized).toMatchObject({
      type: 'ParticipationFinalized',
      payload: {
        electionId: outcome.electionId,
        registered: plan.expected.registered,
        participated: plan.expected.participated,
        absent: plan.expected.registered - plan.expected.participated,
        precincts: plan.expected.precincts,
      },
    });
  });

  it('given participation finalized, when turnout.absences.v1 is read, then one VoterAbsent per registered voter who did not take part', async () => {
    const absent = plan.expected.registered - plan.expected.participated;
    const absences = await onTopic(topicName('turnout', 'absences', 1), outcome.electionId, absent);
    expect(absences.every((event) => event['type'] === 'VoterAbsent')).toBe(true);
    const voters = new Set(
      absences.map((event) => (event['payload'] as { personalNumber: string }).personalNumber),
    );
    expect(voters.size).toBe(absent);
    expect(absences).toHaveLength(absent);
    expect(outcome.observed.participation).toMatchObject({
      state: 'derived',
      absent,
      absencesDerived: absent,
    });
  });

  it('given the absences, when excuses has recorded them, then the disabled and those over 70 are excused at once by category, the rest open', async () => {
    expect(excuses.absent).toBe(plan.expected.absent);
    expect(Object.keys(excuses.excusedBy).sort()).toEqual(['over-70', 'registered-disability']);
    const country = await absenceOutcomes((unit) => unit.absent === excuses.absent);
    expect(country).toEqual({
      code: 'KG',
      absent: excuses.absent,
      open: excuses.open,
      excused: excuses.excused,
      unexcused: 0,
      excusedBy: excuses.excusedBy,
    });
  });

  it(
    'given the drill clock past the excuse window, when excuses closes it, then every open absence is unexcused and excuses.absence-outcomes.v1 carries one outcome per absent voter',
    async () => {
      const advanced = await fetch(`${stack.urls.excuses}/drill-clock/advance`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await stack.token('cec-operator')}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ by: PAST_THE_EXCUSE_WINDOW }),
      });
      expect(advanced.status).toBe(200);
      const country = await absenceOutcomes((unit) => unit.open === 0);
      expect(country).toEqual({
        code: 'KG',
        absent: excuses.absent,
        open: 0,
        excused: excuses.excused,
        unexcused: excuses.absent - excuses.excused,
        excusedBy: excuses.excusedBy,
      });

      // every excuses on the shared broker hears this election and its absences: keep this stack's own outcomes
      const own = await eventIdsOf(stack.schemas.excuses);
      const outcomes = await onTopic(
        topicName('excuses', 'absence-outcomes', 1),
        outcome.electionId,
        excuses.absent,
        (eventId) => own.has(eventId),
      );
      const payloads = outcomes.map(
        (event) => event['payload'] as { absenceId: string; personalNumber: string },
      );
      expect(outcomes).toHaveLength(excuses.absent);
      expect(new Set(payloads.map((payload) => payload.absenceId)).size).toBe(excuses.absent);
      expect(new Set(payloads.map((payload) => payload.personalNumber)).size).toBe(excuses.absent);
      expect(countBy(outcomes, (event) => String(event['type']))).toEqual({
        AbsenceExcused: excuses.excused,
        AbsenceUnexcused: excuses.open,
      });
      const bases = outcomes.flatMap((event) =>
        event['type'] === 'AbsenceExcused'
          ? [(event['payload'] as { basis: { category: string } }).basis]
          : [],
      );
      expect(countBy(bases, (basis) => basis.category)).toEqual(excuses.excusedBy);
    },
    2 * EXCUSES_WAIT_MS + 20_000,
  );

  /** The election's country row of excuses' open data, once `reached` holds for it. */
  async function absenceOutcomes(reached: (unit: AbsenceCounts) => boolean): Promise<AbsenceCounts> {
    const auditor = await stack.token('auditor');
    let last: unknown;
    return eventually(
      async () => {
        const response = await fetch(
          `${stack.urls.excuses}/elections/${outcome.electionId}/absence-outcomes?level=country`,
          { headers: { authorization: `Bearer ${auditor}` } },
        );
        last = await response.json();
        if (response.status !== 200)
          throw new Error(`absence outcomes: HTTP ${response.status} ${JSON.stringify(last)}`);
        const [country] = (last as { units: AbsenceCounts[] }).units;
        return country && reached(country) ? country : undefined;
      },
      'absence outcomes',
      EXCUSES_WAIT_MS,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last answered ${JSON.stringify(last)}`);
    });
  }
});

interface AbsenceCounts {
  readonly code: string;
  readonly absent: number;
  readonly open: number;
  readonly excused: number;
  readonly unexcused: number;
  readonly excusedBy: Readonly<Record<string, number>>;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});

/** Every event of the election on a topic, once at least `expected` have arrived (then a moment more for extras). */
async function onTopic(
  topic: string,
  electionId: string,
  expected: number,
  ours: (eventId: string) => boolean = () => true,
): Promise<Record<string, unknown>[]> {
  const found = await readTopic(topic, {
    keep: ({ envelope }) => envelope.payload['electionId'] === electionId && ours(envelope.eventId),
    until: expected,
    timeoutMs: 60_000,
    settleMs: 1_000,
  });
  return found.map(({ envelope }) => envelope);
}

/** The ids of the events a service's log holds: its own, among what every stack on the broker publishes. */
async function eventIdsOf(schema: string): Promise<Set<string>> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_id: string }>(`select event_id from "${schema}".events`);
    return new Set(rows.map((row) => row.event_id));
  } finally {
    await client.end();
  }
}
