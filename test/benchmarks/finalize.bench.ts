/*
 * Finalize participation and derive the absences, end to end, on a national-size roll, against a real turnout
 * process, PostgreSQL and Kafka:
 *   ./vl node -r @swc-node/register --disable-warning=TimeoutNegativeWarning test/benchmarks/finalize.bench.ts \
 *     [--voters 4000000] [--checked-in 1500000] [--runs 3] [--explain] [--keep]
 * (--explain prints the plans of the figures' queries; --keep leaves each run's schema in place for profiling)
 *
 * Set-up, not measured (each run on a fresh schema): turnout starts as its own process (system clock) and creates
 * its tables; then bulk SQL (generate_series) writes what voter-roll's topics and polling day would have left:
 * an election two days ago (07:00–20:00 Asia/Bishkek), 2,500 precincts with finalized lists, the roll (all voters
 * but 10,000 on the lists, those 10,000 included on polling day, 10,000 absentee transfers), every precinct's
 * PollsOpened and PollsClosed, and `--checked-in` standing check-ins as real VoterCheckedIn rows of the event
 * log (plus 10,000 check-ins that were revoked: VoterCheckedIn then CheckInRevoked). The tables are analysed and
 * the bench waits until the relay has published that log and turnout has projected it, as during polling day.
 *
 * Measured: POST /elections/:id/participation/finalize (preconditions, the figures from the log, the append of
 * ParticipationFinalized) and then the derivation of every VoterAbsent, until GET .../participation says
 * `derived`. The absences are then checked: exactly `voters − checked-in` events on the absences stream.
 * Progress goes to stderr, results to stdout; medians over the runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateSigningKey, mintToken, type Role } from '@vl/auth';
import { ephemeralLedgerKey, startService, type RunningService } from '@vl/local-infra';
import { freePort, resolveTestInfrastructure, TestSchema } from '@vl/testing';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '4000000' },
    'checked-in': { type: 'string', default: '1500000' },
    runs: { type: 'string', default: '3' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const VOTERS = Number(values.voters);
const CHECKED_IN = Number(values['checked-in']);
const RUNS = Number(values.runs);
const PRECINCTS = 2500;
const INCLUDED = 10_000;
const REVOKED = 10_000;
const TRANSFERRED = 10_000;
const TARGET_SECONDS = 120;
const LOAD_SLICE = 50_000;
const DRAIN_LIMIT_SECONDS = 900;
if (![VOTERS, CHECKED_IN, RUNS].every((n) => Number.isSafeInteger(n) && n > 0) || CHECKED_IN * 2 > VOTERS)
  throw new Error(
    '--voters, --checked-in and --runs are positive integers, and at most half the roll checks in',
  );

const benchStart = performance.now();
const progress = (line: string) =>
  process.stderr.write(`[finalize bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

// what Ctrl-C must stop and drop: the run's turnout process and schema, and the broker the bench started
const running: { service?: RunningService; schema?: TestSchema; stopInfrastructure?: () => Promise<void> } =
  {};
process.once('SIGINT', () => {
  progress('interrupted: stopping turnout, dropping the schema, stopping the broker');
  void (async () => {
    await running.service?.stop().catch(() => undefined);
    if (!values.keep) await running.schema?.drop().catch(() => undefined);
    await running.stopInfrastructure?.().catch(() => undefined);
    process.exit(130);
  })();
});

interface RunResult {
  readonly finalizeSeconds: number;
  readonly totalSeconds: number;
  readonly absences: number;
  readonly peakRssMb: number;
  readonly publishedAtDerived: number;
}

async function main(): Promise<void> {
  progress('resolving infrastructure (KAFKA_BROKERS/DATABASE_URL, else the local launcher)');
  const infrastructure = await resolveTestInfrastructure();
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  running.stopInfrastructure = () => infrastructure.stop();
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `infrastructure: ${infrastructure.source}; ${fmt(VOTERS)} registered, ${fmt(CHECKED_IN)} standing check-ins, ` +
      `${fmt(VOTERS - CHECKED_IN)} absences to derive`,
  );
  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const result = await oneRun(run, infrastructure.databaseUrl, infrastructure.kafkaBrokers);
      results.push(result);
      console.log(
        `run ${run}: finalize answered in ${result.finalizeSeconds.toFixed(1)} s, ${fmt(result.absences)} absences derived ` +
          `${result.totalSeconds.toFixed(1)} s after the request (${fmt(result.absences / result.totalSeconds)}/s); ` +
          `relay had published ${fmt(result.publishedAtDerived)} of them by then; turnout peak RSS ${fmt(result.peakRssMb)} MB`,
      );
    }
  } finally {
    await infrastructure.stop();
  }
  const total = median(results.map((result) => result.totalSeconds));
  console.log('');
  console.log(`medians of ${RUNS}:`);
  console.log(
    `  finalize answered (preconditions, figures, ParticipationFinalized): ${median(results.map((r) => r.finalizeSeconds)).toFixed(1)} s`,
  );
  console.log(
    `  finalize + derive ${fmt(VOTERS - CHECKED_IN)} absences:                   ${total.toFixed(1)} s`,
  );
  console.log(
    `  turnout peak RSS:                                                ${fmt(median(results.map((r) => r.peakRssMb)))} MB`,
  );
  console.log(
    `target finalize + derive < ${TARGET_SECONDS} s: ${total < TARGET_SECONDS ? 'met' : 'NOT met'} (${total.toFixed(1)} s)`,
  );
  console.log(JSON.stringify(results));
}

async function oneRun(run: number, databaseUrl: string, kafkaBrokers: string): Promise<RunResult> {
  const schema = await TestSchema.create('bench_finalize');
  running.schema = schema;
  const key = await generateSigningKey('finalize-bench');
  const token = (role: Role) =>
    mintToken(key.privateJwk, {
      subject: `bench-${role}`,
      roles: [role],
      issuer: 'voting-ledger',
      audience: 'voting-ledger',
    });
  const pool = new Pool({ connectionString: databaseUrl, options: `-c search_path=${schema.name}`, max: 2 });
  const logDir = mkdtempSync(join(tmpdir(), 'vl-finalize-bench-'));
  let service: RunningService | undefined;
  try {
    progress(`run ${run}/${RUNS}: starting turnout as its own process`);
    service = await startService(
      'turnout',
      {
        PORT: String(await freePort()),
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema.name,
        KAFKA_CONSUMER_GROUP: schema.name,
        KAFKA_BROKERS: kafkaBrokers,
        AUTH_JWKS: JSON.stringify(key.publicJwks),
        LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
        LOG_LEVEL: 'info',
      },
      logDir,
    );
    running.service = service;
    const electionId = uuidv7();
    await loadPollingDay(pool, electionId);
    progress(`run ${run}/${RUNS}: waiting until the relay has published the polling day's log`);
    await ledgerDrained(pool);
    if (values.explain) await explain(pool, electionId);
    const operator = await token('cec-operator');
    progress(`run ${run}/${RUNS}: finalizing`);
    const started = performance.now();
    const finalized = await fetch(`${service.url}/elections/${electionId}/participation/finalize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}` },
    });
    const finalizeSeconds = (performance.now() - started) / 1000;
    const answer = (await finalized.json()) as {
      absent?: number;
      registered?: number;
      participated?: number;
    };
    if (finalized.status !== 202) throw new Error(`finalize: ${finalized.status} ${JSON.stringify(answer)}`);
    const expected = { registered: VOTERS, participated: CHECKED_IN, absent: VOTERS - CHECKED_IN };
    if (
      answer.registered !== expected.registered ||
      answer.participated !== expected.participated ||
      answer.absent !== expected.absent
    )
      throw new Error(`finalize figures ${JSON.stringify(answer)}, expected ${JSON.stringify(expected)}`);
    let peakRssMb = 0;
    for (let polls = 0; ; polls++) {
      peakRssMb = Math.max(peakRssMb, rssMbOf(service.pid));
      const status = (await (
        await fetch(`${service.url}/elections/${electionId}/participation`, {
          headers: { authorization: `Bearer ${operator}` },
        })
      ).json()) as { state: string; absencesDerived: number; absent: number };
      if (status.state === 'derived') break;
      if (polls % 20 === 0) {
        const elapsed = (performance.now() - started) / 1000;
        const rate = status.absencesDerived / elapsed;
        progress(
          `run ${run}/${RUNS}: ${fmt(status.absencesDerived)}/${fmt(status.absent)} absences derived ` +
            `(${fmt(rate)}/s, ETA ${fmt((status.absent - status.absencesDerived) / Math.max(rate, 1))} s)`,
        );
      }
      await sleep(250);
    }
    const totalSeconds = (performance.now() - started) / 1000;
    // turnout's own account of the derivation: appending versus waiting for the next page
    const account = readFileSync(service.logFile, 'utf8')
      .split('\n')
      .find((line) => line.includes('absences derived in'));
    if (account) progress(`run ${run}/${RUNS}: turnout: ${/"msg":"([^"]*)"/.exec(account)?.[1] ?? account}`);
    peakRssMb = Math.max(peakRssMb, rssMbOf(service.pid));
    const { rows } = await pool.query(
      `select (select count(*) from events where stream_id = $1)::int as absences,
              (select count(distinct payload->>'personalNumber') from events where stream_id = $1)::int as voters,
              coalesce((select published from relay_positions where relay = 'kafka'), 0)::int
                - (select count(*) from events where stream_id <> $1)::int as published`,
      [`absences-${electionId}`],
    );
    const checked = rows[0] as { absences: number; voters: number; published: number };
    if (checked.absences !== expected.absent || checked.voters !== expected.absent)
      throw new Error(`absences stream holds ${checked.absences} events for ${checked.voters} voters`);
    return {
      finalizeSeconds,
      totalSeconds,
      absences: checked.absences,
      peakRssMb,
      publishedAtDerived: Math.max(0, checked.published),
    };
  } catch (error) {
    if (service) process.stderr.write(`turnout's log ends:\n${tailOf(service.logFile)}\n`);
    throw error;
  } finally {
    progress(`run ${run}/${RUNS}: cleaning up`);
    await service?.stop();
    await pool.end();
    if (values.keep) progress(`run ${run}/${RUNS}: schema ${schema.name} kept`);
    else await schema.drop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

/** What voter-roll's topics and polling day would have left in turnout's tables and log, in bulk SQL. */
async function loadPollingDay(pool: Pool, electionId: string): Promise<void> {
  const timeZone = 'Asia/Bishkek';
  const electionDate = DateTime.now().setZone(timeZone).minus({ days: 2 }).toISODate() as string;
  const at = (time: string) =>
    DateTime.fromISO(`${electionDate}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
  const listed = VOTERS - INCLUDED;
  // voter i: sex digit 2, a birth date in 1950 + i / 100,000 days, serial i mod 100,000; precinct i mod 2,500
  const voterSql = (i: string) =>
    `'2' || to_char(date '1950-01-01' + (${i} / 100000)::int, 'DDMMYYYY') || lpad((${i} % 100000)::text, 5, '0')`;
  const precinctSql = (p: string) =>
    `lpad((1001 + (${p}) / 100)::text, 4, '0') || '-' || lpad(((${p}) % 100 + 1)::text, 3, '0')`;
  // voters {from}..{to} in slices: a long transaction would hold every relay of the cluster back (commit horizon)
  const step = async (
    what: string,
    sql: string,
    params: unknown[] = [],
    voters?: readonly [number, number],
  ) => {
    const started = performance.now();
    let rows = 0;
    const [first, last] = voters ?? [0, 0];
    for (let from = first; from <= last; from += LOAD_SLICE) {
      const to = Math.min(last, from + LOAD_SLICE - 1);
      const result = await pool.query(
        sql.replace('{from}', String(from)).replace('{to}', String(to)),
        params,
      );
      rows += result.rowCount ?? 0;
    }
    progress(`  ${what}: ${fmt(rows)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const source = uuidv7();
  await step(
    'scheduled_elections',
    `insert into scheduled_elections values ($1, 'parliamentary', 'Finalize benchmark', $2, $3, '07:00', '20:00', $4)`,
    [electionId, electionDate, timeZone, source],
  );
  await step(
    'precincts',
    `insert into precincts select ${precinctSql('p')}, '11', 'Bishkek city', lpad((1001 + p / 100)::text, 4, '0'),
            'District', false, 'KG', 'School No. ' || p, $1
       from generate_series(0, ${PRECINCTS - 1}) p`,
    [source],
  );
  await step(
    'voter_list_finalizations',
    `insert into voter_list_finalizations select $1, precinct_id, 0, 'bWVya2xlIHJvb3Q=', $2 from precincts`,
    [electionId, source],
  );
  await step(
    'electoral_roll',
    `insert into electoral_roll select $1, ${voterSql('i')}, ${precinctSql(`i % ${PRECINCTS}`)}, $2
       from generate_series({from}, {to}) i`,
    [electionId, source],
    [0, listed - 1],
  );
  await step(
    'polling_day_inclusions',
    `insert into polling_day_inclusions select $1, ${voterSql('i')}, ${precinctSql(`i % ${PRECINCTS}`)}, 'AR-' || i, $2
       from generate_series(${listed}, ${VOTERS - 1}) i`,
    [electionId, source],
  );
  // standing check-ins: every i with i mod 8 < 3 up to CHECKED_IN; revoked and transferred ones among the others
  const standing = `i % 8 < 3 and i / 8 * 3 + i % 8 < ${CHECKED_IN}`;
  const revoked = `i % 8 = 3 and i / 8 < ${REVOKED}`;
  await step(
    'absentee_transfers',
    `insert into absentee_transfers select $1, ${voterSql('i')}, 'AC-' || lpad(i::text, 7, '0'),
            ${precinctSql(`i % ${PRECINCTS}`)}, ${precinctSql(`(i + 1) % ${PRECINCTS}`)}, $2
       from generate_series({from}, {to}) i where i % 8 = 4 and i / 8 < ${TRANSFERRED}`,
    [electionId, source],
    [0, listed - 1],
  );
  // envelopes require UUID v7 ids: a v4 with its version nibble set passes, as turnout's consumer checks
  const UUID_V7 = `overlay(gen_random_uuid()::text placing '7' from 15 for 1)::uuid`;
  const insertEvents = `insert into events (event_id, stream_id, stream_version, type, schema_version, occurred_at,
                                            recorded_at, correlation_id, causation_id, partition_key, payload)`;
  await step(
    'events: PollsOpened, PollsClosed',
    `${insertEvents}
     select ${UUID_V7}, 'polls-' || $1 || '-' || precinct_id, v, t, 1, now(), now(), ${UUID_V7}, null, $1 || ':' || precinct_id,
            case when v = 1
              then jsonb_build_object('electionId', $1::text, 'precinctId', precinct_id, 'openedAt', $2::text, 'openedBy', 'chair-' || precinct_id)
              else jsonb_build_object('electionId', $1::text, 'precinctId', precinct_id, 'closedAt', $3::text, 'closedBy', 'chair-' || precinct_id) end
       from precincts, (values (1, 'PollsOpened'), (2, 'PollsClosed')) as k(v, t)`,
    [electionId, at('07:00'), at('20:00')],
  );
  const checkedIn = (stream: string) => `
     select ${UUID_V7}, 'check-in-' || $1 || '-' || pn, 1, 'VoterCheckedIn', 1, now(), now(), ${UUID_V7}, null, pn,
            jsonb_build_object('electionId', $1::text, 'personalNumber', pn, 'precinctId', precinct, 'method', 'station',
                               'identification', 'biometric', 'pollWorker', 'pw-' || precinct, 'checkedInAt', $2::text,
                               'device', null)
       from (select ${voterSql('i')} as pn, ${precinctSql(`i % ${PRECINCTS}`)} as precinct
               from generate_series({from}, {to}) i where ${stream}) v`;
  await step(
    'events: standing VoterCheckedIn',
    `${insertEvents} ${checkedIn(standing)}`,
    [electionId, at('12:00')],
    [0, VOTERS - 1],
  );
  await step(
    'events: VoterCheckedIn later revoked',
    `${insertEvents} ${checkedIn(revoked)}`,
    [electionId, at('12:00')],
    [0, VOTERS - 1],
  );
  await step(
    'events: CheckInRevoked',
    `${insertEvents}
     select ${UUID_V7}, 'check-in-' || $1 || '-' || pn, 2, 'CheckInRevoked', 1, now(), now(), ${UUID_V7}, null, pn,
            jsonb_build_object('electionId', $1::text, 'personalNumber', pn, 'precinctId', precinct,
                               'reason', 'identified the wrong voter', 'revokedBy', 'member-' || precinct)
       from (select ${voterSql('i')} as pn, ${precinctSql(`i % ${PRECINCTS}`)} as precinct
               from generate_series({from}, {to}) i where ${revoked}) v`,
    [electionId],
    [0, VOTERS - 1],
  );
  await step('analyze', 'analyze');
}

/** The plans of the figures and of one page of the derivation, on this run's data. */
async function explain(pool: Pool, electionId: string): Promise<void> {
  const prefix = `check-in-${electionId}-`;
  const below = `check-in-${electionId}.`;
  const plan = async (what: string, sql: string, params: unknown[]) => {
    const { rows } = await pool.query(`explain (analyze, buffers) ${sql}`, params);
    process.stderr.write(
      `--- ${what}\n${rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')}\n`,
    );
  };
  await plan(
    'participated',
    `select count(*) from (select distinct on (stream_id) type from events
        where stream_id >= $1 and stream_id < $2 and type in ('VoterCheckedIn', 'CheckInRevoked')
        order by stream_id desc, stream_version desc) last where last.type = 'VoterCheckedIn'`,
    [prefix, below],
  );
  await plan(
    'registered',
    `select (select count(distinct personal_number) from electoral_roll where election_id = $1)
          + (select count(distinct i.personal_number) from polling_day_inclusions i where i.election_id = $1
              and not exists (select 1 from electoral_roll r where r.election_id = $1 and r.personal_number = i.personal_number))`,
    [electionId],
  );
}

/**
 * Seconds until the relay has published and the checkpointer has folded every event of the log, and turnout's
 * own consumer has projected the check-ins (as it would have during polling day).
 */
async function ledgerDrained(pool: Pool): Promise<number> {
  const started = performance.now();
  for (let polls = 0; ; polls++) {
    const { rows } = await pool.query(
      `select (select count(*) from events)::int as logged,
              coalesce((select published from relay_positions where relay = 'kafka'), 0)::int as published,
              coalesce((select tree_size from log_tree), 0)::int as folded,
              (select count(*) from standing_check_ins)::int as projected,
              (select count(*) from parked_messages)::int as parked,
              (select min(reason) from parked_messages) as reason`,
    );
    const { logged, published, folded, projected, parked, reason } = rows[0] as {
      logged: number;
      published: number;
      folded: number;
      projected: number;
      parked: number;
      reason: string | null;
    };
    if (parked > 0) throw new Error(`turnout parked ${fmt(parked)} of the bench's events, first: ${reason}`);
    const waited = (performance.now() - started) / 1000;
    if (published >= logged && folded >= logged && projected >= CHECKED_IN) return waited;
    if (waited > DRAIN_LIMIT_SECONDS) {
      progress(
        `  relay still at ${fmt(published)}/${fmt(logged)} after ${DRAIN_LIMIT_SECONDS} s: measuring beside it`,
      );
      return waited;
    }
    if (polls % 20 === 0)
      progress(
        `  relay ${fmt(published)}/${fmt(logged)}, Merkle tree ${fmt(folded)}, check-ins projected ${fmt(projected)}`,
      );
    await sleep(500);
  }
}

function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    return peak ? Number(peak[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function tailOf(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `finalize bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
