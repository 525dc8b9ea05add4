/*
 * Absences evaluated and the excuse window's close, by a real excuses process against real PostgreSQL and Kafka:
 *   ./vl node -r @swc-node/register --disable-warning=TimeoutNegativeWarning test/benchmarks/excuses.bench.ts \
 *     [--absences 2500000] [--runs 3] [--cpu-prof DIR]
 *
 * Each run is a fresh schema, a fresh consumer group (started at the topics' ends) and a fresh election on
 * 2030-11-24, on a drill clock of the run's own that stands at the day after polling day:
 * 0. set-up, not measured: excuses runs and projects voter-roll's ElectionCalled, 300 PrecinctRegistered and the
 *    RegisteredDisabilityRecorded of 5 % of the voters; then it stops.
 * 1. evaluation: N VoterAbsent (5 % on the disability registry, 10 % over 70, 85 % plain) are published to
 *    turnout.absences.v1 while excuses is stopped; excuses starts, and the clock runs from its /health answering
 *    (absences already recorded by then are not counted) until `absences` holds all N of the election.
 * 2. the window's close: the drill clock moves past the close that excuses scheduled (excuses.window-closes), and
 *    the clock runs until no absence of the election is open (the plain ones are then unexcused).
 * 3. peak memory: VmHWM of the excuses process that did 1 and 2.
 * Both phases print the CPU every process on the machine spent per 1,000 absences and the rate that CPU allows on
 * the machine's cores. Progress goes to stderr, results to stdout; medians over the runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '@vl/auth';
import { DRILL_MODE_CONFIRMATION } from '@vl/clock';
import { eventCatalog } from '@vl/contracts';
import { electionCalledPayload, homePrecinctPayload } from '@vl/contracts/testing';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { startService, type RunningService } from '@vl/local-stack';
import { freePort, resolveTestInfrastructure, TestSchema, type TestInfrastructure } from '@vl/testing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { BenchDrillClock } from './support/bench-drill-clock';
import { cpuSnapshot, cpuSpent, reportCpu, type CpuRole } from './support/cpu-accounting';
import { EventPublisher, type PublishedEvent } from './support/event-publisher';
import { absentVoter, BENCH_PRECINCTS } from './support/excused-voters';
import { fmt } from './support/format';
import { peakResidentMbOf } from './support/process-memory';
import { progressLog } from './support/progress';
import { sleep } from './support/sleep';
import { median } from './support/statistics';

const { values } = parseArgs({
  options: {
    absences: { type: 'string', default: '2500000' },
    runs: { type: 'string', default: '3' },
    // a directory for a V8 CPU profile of the excuses process (node --cpu-prof), written when it stops
    'cpu-prof': { type: 'string' },
  },
});
const N = Number(values.absences);
const RUNS = Number(values.runs);
if (![N, RUNS].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2_800_000)
  throw new Error('--absences (at most 2,800,000) and --runs must be positive integers');

// the targets
const TARGET_EVALUATED_PER_S = 20_000;
const TARGET_CLOSE = { absences: 2_000_000, seconds: 120 };
const TARGET_PEAK_MB = 1024;

const CHUNK = 5_000;
// the day after polling day (2030-11-24), noon in Bishkek: inside the excuse window
const DRILL_STARTS_AT = '2030-11-25T06:00:00.000Z';
const TOPICS = [
  eventCatalog.topicOf('VoterAbsent', 'turnout'),
  eventCatalog.topicOf('ElectionCalled', 'voter-roll'),
  eventCatalog.topicOf('PrecinctRegistered', 'voter-roll'),
  eventCatalog.topicOf('RegisteredDisabilityRecorded', 'voter-roll'),
];
const PER_1000: readonly CpuRole[] = ['service', 'postgres', 'kafka'];

const { progress } = progressLog('excuses bench');
const voters = Array.from({ length: N }, (_, index) => absentVoter(index));
const excusedAtOnce = voters.filter((voter) => voter.kind !== 'plain').length;
const plain = N - excusedAtOnce;

interface RunResult {
  readonly evaluatedPerS: number;
  readonly evaluationCeiling: number;
  readonly evaluationCpu: Record<CpuRole, number>;
  readonly closeSeconds: number;
  readonly closeCeiling: number;
  readonly closeCpu: Record<CpuRole, number>;
  readonly peakMb: number;
}

async function main(): Promise<void> {
  const load = loadavg().map((n) => n.toFixed(1));
  progress('resolving infrastructure (KAFKA_BROKERS/DATABASE_URL, else the local launcher)');
  const infrastructure = await resolveTestInfrastructure();
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  const publisher = await EventPublisher.connect(infrastructure.kafkaBrokers);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `load average at start ${load.join(' / ')} (1/5/15 min; the machine is shared), infrastructure: ${infrastructure.source}`,
  );
  console.log(
    `${fmt(N)} absences a run: ${fmt(excusedAtOnce)} excused at once by a registry, ${fmt(plain)} plain (open, then unexcused)`,
  );
  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) results.push(await oneRun(run, infrastructure, publisher));
  } finally {
    progress('cleaning up');
    await publisher.close();
    await infrastructure.stop();
  }
  report(results);
}

async function oneRun(run: number, infrastructure: TestInfrastructure, publisher: EventPublisher) {
  const schema = await TestSchema.create('bench_excuses');
  const clock = await BenchDrillClock.start(
    infrastructure.databaseUrl,
    `${schema.name}_clock`,
    DRILL_STARTS_AT,
  );
  const pool = new Pool({
    connectionString: infrastructure.databaseUrl,
    options: `-c search_path=${schema.name}`,
    max: 1,
  });
  const logDir = mkdtempSync(join(tmpdir(), 'vl-excuses-bench-'));
  const key = await generateSigningKey('excuses-bench');
  const env = {
    PORT: String(await freePort()),
    DATABASE_URL: infrastructure.databaseUrl,
    DATABASE_SCHEMA: schema.name,
    KAFKA_CONSUMER_GROUP: schema.name,
    KAFKA_BROKERS: infrastructure.kafkaBrokers,
    AUTH_JWKS: JSON.stringify(key.publicJwks),
    LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
    ...(values['cpu-prof'] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values['cpu-prof']}` } : {}),
    LOG_LEVEL: 'warn',
    CLOCK: 'drill',
    DRILL_MODE: DRILL_MODE_CONFIRMATION,
    DRILL_CLOCK_SCHEMA: clock.schema,
  };
  const count = async (sql: string, params: unknown[]) =>
    Number(((await pool.query(sql, params)).rows[0] as { n: string }).n);
  const electionId = uuidv7();
  let service: RunningService | undefined;
  try {
    await publisher.startGroupAtEnd(schema.name, TOPICS);
    progress(
      `run ${run}/${RUNS}: excuses projects the election, ${BENCH_PRECINCTS.length} precincts and the disability registry`,
    );
    service = await startService('excuses', env, logDir);
    await publisher.publish('voter-roll', [
      { type: 'ElectionCalled', payload: { ...electionCalledPayload(electionId) } },
      ...BENCH_PRECINCTS.map((id) => ({
        type: 'PrecinctRegistered',
        payload: { ...homePrecinctPayload(id) },
      })),
    ]);
    const disabled = voters.filter((voter) => voter.kind === 'registered-disability');
    await publishInChunks('RegisteredDisabilityRecorded', disabled.length, (index) => ({
      type: 'RegisteredDisabilityRecorded',
      payload: {
        personalNumber: (disabled[index] as (typeof disabled)[number]).personalNumber,
        registeredDisability: true,
      },
    }));
    await until('voter-roll facts projected', async () => {
      const facts = await count(
        `select (select count(*) from elections where election_id = $1)
              + (select count(*) from precincts) + (select count(*) from registered_disabilities) as n`,
        [electionId],
      );
      return facts === 1 + BENCH_PRECINCTS.length + disabled.length ? true : undefined;
    });
    await service.stop();
    service = undefined;

    progress(`run ${run}/${RUNS}: publishing ${fmt(N)} VoterAbsent with excuses stopped`);
    await publishInChunks('VoterAbsent', N, (index) => {
      const voter = voters[index] as (typeof voters)[number];
      return {
        type: 'VoterAbsent',
        payload: {
          electionId,
          personalNumber: voter.personalNumber,
          electionDate: '2030-11-24',
          precinctId: voter.precinctId,
        },
      };
    });

    service = await startService('excuses', env, logDir);
    const pid = service.pid;
    // what the process holds before it has evaluated anything: the runtime, the compiled sources, their maps
    console.log(`run ${run} excuses RSS when healthy: ${fmt(peakResidentMbOf(pid))} MB`);
    const recorded = `select count(*) as n from absences where election_id = $1`;
    const before = await count(recorded, [electionId]);
    const evaluationCpu = cpuSnapshot(pid);
    const evaluationStart = performance.now();
    await until('absences recorded', async () => {
      const n = await count(recorded, [electionId]);
      const rate = (n - before) / ((performance.now() - evaluationStart) / 1000);
      progress(
        `run ${run}: ${fmt(n)}/${fmt(N)} absences recorded (${fmt(rate)}/s, ETA ${fmt((N - n) / Math.max(rate, 1))} s)`,
      );
      return n >= N ? true : undefined;
    });
    const evaluatedPerS = (N - before) / ((performance.now() - evaluationStart) / 1000);
    const evaluationSpent = cpuSpent(evaluationCpu, cpuSnapshot(pid));
    const [mix] = (
      await pool.query(
        `select count(*) filter (where status = 'open')::int as open, count(*) filter (where status = 'excused')::int as excused
           from absences where election_id = $1`,
        [electionId],
      )
    ).rows as { open: number; excused: number }[];
    if (mix?.open !== plain || mix.excused !== excusedAtOnce)
      throw new Error(`expected ${plain} open and ${excusedAtOnce} excused absences: ${JSON.stringify(mix)}`);
    console.log(
      `run ${run} evaluation: ${fmt(evaluatedPerS)} absences/s (${fmt(before)} recorded before /health answered, not counted)`,
    );
    const evaluationCeiling = reportCpu('evaluation', evaluationSpent, N - before, 'absences');

    const [due] = (
      await pool.query(`select due_at from deadlines where kind = 'excuses.window-closes' and key = $1`, [
        electionId,
      ])
    ).rows as { due_at: Date }[];
    if (!due) throw new Error(`no excuses.window-closes scheduled for election ${electionId}`);
    const closeCpu = cpuSnapshot(pid);
    const closeStart = performance.now();
    await clock.advanceTo(new Date(due.due_at.getTime() + 1000).toISOString());
    progress(
      `run ${run}: drill clock moved past the close (${due.due_at.toISOString()}); ${fmt(plain)} to unexcuse`,
    );
    const stillOpen = `select count(*) as n from absences where election_id = $1 and status = 'open'`;
    await until('no absence open', async () => {
      const n = await count(stillOpen, [electionId]);
      const rate = (plain - n) / ((performance.now() - closeStart) / 1000);
      progress(
        `run ${run}: ${fmt(n)} absences still open (${fmt(rate)}/s, ETA ${fmt(n / Math.max(rate, 1))} s)`,
      );
      return n === 0 ? true : undefined;
    });
    const closeSeconds = (performance.now() - closeStart) / 1000;
    const closeSpent = cpuSpent(closeCpu, cpuSnapshot(pid));
    const unexcused = await count(
      `select count(*) as n from absences where election_id = $1 and status = 'unexcused'`,
      [electionId],
    );
    if (unexcused !== plain) throw new Error(`expected ${plain} unexcused absences, found ${unexcused}`);
    console.log(
      `run ${run} close: ${fmt(plain)} unexcused in ${closeSeconds.toFixed(1)} s (${fmt(plain / closeSeconds)}/s)`,
    );
    const closeCeiling = reportCpu('close', closeSpent, plain, 'absences');
    const peakMb = peakResidentMbOf(pid);
    console.log(`run ${run} excuses peak RSS (VmHWM): ${fmt(peakMb)} MB`);
    return {
      evaluatedPerS,
      evaluationCeiling,
      evaluationCpu: perThousand(evaluationSpent, N - before),
      closeSeconds,
      closeCeiling,
      closeCpu: perThousand(closeSpent, plain),
      peakMb,
    } satisfies RunResult;
  } catch (error) {
    if (service) process.stderr.write(`excuses' log ends:\n${tailOf(service.logFile)}\n`);
    throw error;
  } finally {
    await service?.stop();
    await pool.end();
    await clock.drop();
    await schema.drop();
    rmSync(logDir, { recursive: true, force: true });
  }

  async function publishInChunks(type: string, total: number, eventAt: (index: number) => PublishedEvent) {
    const started = performance.now();
    for (let first = 0; first < total; first += CHUNK) {
      const events = Array.from({ length: Math.min(CHUNK, total - first) }, (_, offset) =>
        eventAt(first + offset),
      );
      await publisher.publish(type === 'VoterAbsent' ? 'turnout' : 'voter-roll', events);
      const done = first + events.length;
      if (done % 100_000 < CHUNK || done === total) {
        const rate = done / ((performance.now() - started) / 1000);
        progress(
          `run ${run}: ${fmt(done)}/${fmt(total)} ${type} published (ETA ${fmt((total - done) / rate)} s)`,
        );
      }
    }
  }
}

const perThousand = (spent: Record<CpuRole, number>, items: number) =>
  Object.fromEntries(
    Object.entries(spent).map(([role, seconds]) => [role, (seconds * 1e6) / items]),
  ) as Record<CpuRole, number>;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 3_600_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(1000);
  }
}

function report(results: readonly RunResult[]): void {
  const show = (n: number, digits: number) => (digits === 0 ? fmt(n) : n.toFixed(digits));
  const range = (list: readonly number[], digits = 0) =>
    `${show(median(list), digits)} (${show(Math.min(...list), digits)}–${show(Math.max(...list), digits)})`;
  const rates = results.map((result) => result.evaluatedPerS);
  const closes = results.map((result) => result.closeSeconds);
  const projectedClose = median(closes) * (TARGET_CLOSE.absences / plain);
  const peak = Math.max(...results.map((result) => result.peakMb));
  const cpuOf = (phase: 'evaluationCpu' | 'closeCpu') =>
    PER_1000.map((role) => `${role} ${range(results.map((result) => result[phase][role]))}`).join(', ');
  console.log('');
  console.log(`medians of ${results.length} (range), ${fmt(N)} absences a run:`);
  console.log(`  evaluation: ${range(rates)} absences/s (target ≥ ${fmt(TARGET_EVALUATED_PER_S)}/s)`);
  console.log(`    CPU ms per 1,000 absences: ${cpuOf('evaluationCpu')}`);
  console.log(
    `    CPU ceiling on ${cpus().length} cores: ${fmt(median(results.map((r) => r.evaluationCeiling)))}/s`,
  );
  console.log(
    `  window's close, ${fmt(plain)} unexcused: ${range(closes, 1)} s, ${fmt(plain / median(closes))}/s; ` +
      `${fmt(projectedClose)} s for ${fmt(TARGET_CLOSE.absences)} at that rate (target < ${TARGET_CLOSE.seconds} s)`,
  );
  console.log(`    CPU ms per 1,000 absences: ${cpuOf('closeCpu')}`);
  console.log(
    `    CPU ceiling on ${cpus().length} cores: ${fmt(median(results.map((r) => r.closeCeiling)))}/s`,
  );
  console.log(
    `  excuses peak RSS: ${range(results.map((r) => r.peakMb))} MB (target < ${TARGET_PEAK_MB} MB)`,
  );
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(
    `target evaluation ≥ ${fmt(TARGET_EVALUATED_PER_S)}/s: ${verdict(median(rates) >= TARGET_EVALUATED_PER_S)}`,
  );
  console.log(
    `target close of ${fmt(TARGET_CLOSE.absences)} < ${TARGET_CLOSE.seconds} s: ${verdict(projectedClose < TARGET_CLOSE.seconds)}` +
      (plain < TARGET_CLOSE.absences ? ` (projected from ${fmt(plain)})` : ''),
  );
  console.log(
    `target peak RSS < ${TARGET_PEAK_MB} MB: ${verdict(peak < TARGET_PEAK_MB)} (highest ${fmt(peak)} MB)`,
  );
  console.log(
    JSON.stringify({
      absences: N,
      evaluatedPerS: rates.map(Math.round),
      evaluationCeiling: results.map((r) => Math.round(r.evaluationCeiling)),
      closeSeconds: closes.map((s) => Number(s.toFixed(1))),
      closeCeiling: results.map((r) => Math.round(r.closeCeiling)),
      peakMb: results.map((r) => Math.round(r.peakMb)),
    }),
  );
}

function tailOf(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `excuses bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
