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
import { ephemeralLedgerKey } from '@vl/local-infra';
import { startService, type RunningService } from '@vl/local-stack';
import { freePort, resolveTestInfrastructure, TestSchema } from '@vl/testing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ledgerDrained, loadPollingDay } from './finalize/polling-day-load';
import { fmt } from './support/format';
import { progressLog } from './support/progress';
import { sleep } from './support/sleep';
import { median } from './support/statistics';

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
const TARGET_SECONDS = 120;
// the set-up checks in 3 of every 8 voters at most (polling-day-load.ts): more would never be projected
if (![VOTERS, CHECKED_IN, RUNS].every((n) => Number.isSafeInteger(n) && n > 0) || CHECKED_IN * 8 > VOTERS * 3)
  throw new Error(
    '--voters, --checked-in and --runs are positive integers, and at most 3 in 8 of the roll check in',
  );

const { progress } = progressLog('finalize bench');

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
      audience: 'turnout',
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
    await loadPollingDay(pool, electionId, { voters: VOTERS, checkedIn: CHECKED_IN, progress });
    progress(`run ${run}/${RUNS}: waiting until the relay has published the polling day's log`);
    await ledgerDrained(pool, { voters: VOTERS, checkedIn: CHECKED_IN, progress });
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
