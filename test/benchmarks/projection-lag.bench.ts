/*
 * Projection lag of turnout's live read model under check-in load, against real PostgreSQL and Kafka:
 *   ./vl node -r @swc-node/register --disable-warning=TimeoutNegativeWarning test/benchmarks/projection-lag.bench.ts \
 *     [--voters-per-run 15000] [--runs 3] [--connections 64] [--probe-every 20] [--rate 0]
 *
 * Each run checks in `--voters-per-run` fresh voters over `--connections` keep-alive connections, as fast as turnout
 * answers (POST /elections/:id/check-ins), or paced at `--rate` check-ins per second when it is above 0. Every `--probe-every`-th check-in is a probe: its lag is the time from its
 * HTTP answer (201) until its standing check-in is in the read model (the table the figures are summed from, written
 * in the same transaction as the counters), watched by a poller every 10 ms. The path measured is the whole one:
 * event store, outbox relay, Kafka, turnout's inbox consumer, projection. Prints p50/p95/p99 per run and their
 * medians over the runs.
 *
 * Set-up, not measured: turnout as its own process (system clock) on a fresh schema; an election today in an Etc/GMT
 * zone where it is about noon (polls 00:00–23:59); 100 precincts and the finalized lists on voter-roll's topics.
 * Infrastructure: resolveTestInfrastructure() (KAFKA_BROKERS/DATABASE_URL, else a local broker and database).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateSigningKey, mintToken, type Role, type TokenScope } from '@vl/auth';
import { eventCatalog } from '@vl/contracts';
import { envelopeFor } from '@vl/contracts/testing';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { startService, type RunningService } from '@vl/local-stack';
import { ensureTopics } from '@vl/messaging';
import { freePort, resolveTestInfrastructure, TestSchema } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { fmt } from './support/format';
import { keepAlivePost } from './support/keep-alive-post';
import { pollingDayAroundNow } from './support/polling-day-around-now';
import { progressLog } from './support/progress';
import { sleep } from './support/sleep';
import { median } from './support/statistics';

const { values } = parseArgs({
  options: {
    'voters-per-run': { type: 'string', default: '15000' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    'probe-every': { type: 'string', default: '20' },
    // check-ins per second sent on a schedule; 0: each connection sends its next as soon as the last is answered
    rate: { type: 'string', default: '0' },
  },
});
const PER_RUN = Number(values['voters-per-run']);
const RUNS = Number(values.runs);
const CONNECTIONS = Number(values.connections);
const PROBE_EVERY = Number(values['probe-every']);
const RATE = Number(values.rate);
if (![PER_RUN, RUNS, CONNECTIONS, PROBE_EVERY].every((n) => Number.isSafeInteger(n) && n > 0))
  throw new Error('every option must be a positive integer');
if (!Number.isSafeInteger(RATE) || RATE < 0)
  throw new Error('--rate is a whole number of check-ins per second');

const PRECINCTS = Array.from({ length: 100 }, (_, index) => `1101-${String(index + 1).padStart(3, '0')}`);
const TARGET_P99_MS = 1_000;
const { progress } = progressLog('projection-lag bench');
const post = keepAlivePost(CONNECTIONS);

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

// a well-formed personal number per index: sex digit 1, a birth date in March 1985, a 5-digit serial
const voter = (index: number) =>
  `1${String(1 + Math.floor(index / 100_000)).padStart(2, '0')}031985${String(index % 100_000).padStart(5, '0')}`;

async function main(): Promise<void> {
  progress('resolving infrastructure (KAFKA_BROKERS/DATABASE_URL, else the local launcher)');
  const infrastructure = await resolveTestInfrastructure();
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  const schema = await TestSchema.create('bench_lag');
  const key = await generateSigningKey('projection-lag-bench');
  const token = (role: Role, scope?: TokenScope) =>
    mintToken(key.privateJwk, {
      subject: `bench-${role}`,
      roles: [role],
      scope,
      issuer: 'voting-ledger',
      audience: 'turnout',
    });
  const pool = new Pool({
    connectionString: infrastructure.databaseUrl,
    options: `-c search_path=${schema.name}`,
    max: 2,
  });
  let service: RunningService | undefined;
  const logDir = mkdtempSync(join(tmpdir(), 'vl-lag-bench-'));
  try {
    progress('starting turnout as its own process');
    service = await startService(
      'turnout',
      {
        PORT: String(await freePort()),
        DATABASE_URL: infrastructure.databaseUrl,
        DATABASE_SCHEMA: schema.name,
        KAFKA_CONSUMER_GROUP: schema.name,
        KAFKA_BROKERS: infrastructure.kafkaBrokers,
        AUTH_JWKS: JSON.stringify(key.publicJwks),
        LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
        LOG_LEVEL: 'warn',
      },
      logDir,
    );
    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `infrastructure: ${infrastructure.source}; turnout, PostgreSQL, Kafka and this load generator share the machine`,
    );
    const electionId = uuidv7();
    await publishRoll(infrastructure.kafkaBrokers, electionId, RUNS * PER_RUN, pool);
    const commission = await token('commission', { electionId, precincts: PRECINCTS });
    for (const precinctId of PRECINCTS) {
      const opened = await post(
        `${service.url}/elections/${electionId}/precincts/${precinctId}/polls/open`,
        commission,
        {},
      );
      if (opened.status !== 201)
        throw new Error(`opening polls at ${precinctId}: ${opened.status} ${opened.body}`);
    }
    const pollWorker = await token('poll-worker', { electionId, precincts: PRECINCTS });
    const results: { p50: number; p95: number; p99: number; rate: number }[] = [];
    for (let run = 1; run <= RUNS; run++) {
      progress(
        `run ${run}/${RUNS}: ${fmt(PER_RUN)} check-ins over ${CONNECTIONS} connections` +
          `${RATE > 0 ? ` paced at ${fmt(RATE)}/s` : ''}, a probe every ${PROBE_EVERY}`,
      );
      const result = await loadWithProbes(service.url, pollWorker, electionId, (run - 1) * PER_RUN, pool);
      results.push(result);
      console.log(
        `run ${run}: ${fmt(result.rate)} check-ins/s answered; lag from answer to read model over ${fmt(result.samples)} probes: ` +
          `p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, max ${result.max.toFixed(0)} ms`,
      );
    }
    const of = (pick: (result: (typeof results)[number]) => number) => median(results.map(pick));
    console.log('');
    console.log(
      `medians of ${RUNS} runs: ${fmt(of((r) => r.rate))} check-ins/s; projection lag p50 ${of((r) => r.p50).toFixed(0)} ms, ` +
        `p95 ${of((r) => r.p95).toFixed(0)} ms, p99 ${of((r) => r.p99).toFixed(0)} ms (target p99 < ${fmt(TARGET_P99_MS)} ms)`,
    );
  } catch (error) {
    if (service)
      process.stderr.write(
        `turnout's log ends:\n${readFileSync(service.logFile, 'utf8').split('\n').slice(-30).join('\n')}\n`,
      );
    throw error;
  } finally {
    progress('cleaning up');
    post.close();
    await service?.stop();
    await pool.end();
    await schema.drop();
    await infrastructure.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

async function loadWithProbes(baseUrl: string, token: string, electionId: string, first: number, pool: Pool) {
  const answeredAt = new Map<string, number>();
  const lags: number[] = [];
  let loading = true;
  const watcher = (async () => {
    while (loading || answeredAt.size > 0) {
      if (answeredAt.size > 0) {
        const { rows } = await pool.query(
          'select personal_number from standing_check_ins where election_id = $1 and personal_number = any($2)',
          [electionId, [...answeredAt.keys()]],
        );
        const seenAt = performance.now();
        for (const { personal_number: seen } of rows as { personal_number: string }[]) {
          lags.push(seenAt - (answeredAt.get(seen) as number));
          answeredAt.delete(seen);
        }
      }
      await sleep(10);
    }
  })();
  let next = first;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < first + PER_RUN) {
        const index = next++;
        const due = started + ((index - first) * 1000) / RATE;
        if (RATE > 0 && due > performance.now()) await sleep(due - performance.now());
        const personalNumber = voter(index);
        const response = await post(`${baseUrl}/elections/${electionId}/check-ins`, token, {
          checkInId: uuidv7(),
          personalNumber,
          precinctId: PRECINCTS[index % PRECINCTS.length] as string,
          method: 'station',
          identification: 'biometric',
        });
        if (response.status !== 201)
          throw new Error(`check-in ${index}: ${response.status} ${response.body}`);
        if (index % PROBE_EVERY === 0) answeredAt.set(personalNumber, performance.now());
      }
    }),
  );
  const rate = PER_RUN / ((performance.now() - started) / 1000);
  loading = false;
  await watcher;
  lags.sort((a, b) => a - b);
  return {
    rate,
    samples: lags.length,
    p50: percentile(lags, 0.5),
    p95: percentile(lags, 0.95),
    p99: percentile(lags, 0.99),
    max: lags.at(-1) ?? 0,
  };
}

/** The election, 100 precincts and the voter lists on voter-roll's topics; waits for turnout to project them. */
async function publishRoll(brokers: string, electionId: string, voters: number, pool: Pool): Promise<void> {
  const kafka = new Kafka({
    clientId: 'projection-lag-bench',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const envelope = (type: string, payload: Record<string, unknown>) => {
    const produced = eventCatalog.parseForProduce('voter-roll', { type, payload });
    if (!produced.ok) throw new Error(produced.error.message);
    const value = envelopeFor(type, payload, {
      partitionKey: produced.value.partitionKey,
      streamId: `bench-${type}`,
    });
    return {
      topic: produced.value.topic,
      message: { key: produced.value.partitionKey, value: JSON.stringify(value) },
    };
  };
  const send = async (events: readonly ReturnType<typeof envelope>[]) => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const { topic, message } of events) byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    await ensureTopics(kafka, [...byTopic.keys()]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  };
  const { electionDate, timeZone } = pollingDayAroundNow();
  await send([
    envelope('ElectionCalled', {
      electionId,
      kind: 'parliamentary',
      title: 'Projection lag benchmark',
      electionDate,
      timeZone,
      pollsOpenAt: '00:00',
      pollsCloseAt: '23:59',
      calledBy: { subject: 'benchmark', role: 'cec-operator' },
      territory: { level: 'country' },
    }),
    ...PRECINCTS.map((precinctId) =>
      envelope('PrecinctRegistered', {
        precinctId,
        regionCode: '11',
        regionName: 'Bishkek city',
        districtCode: '1101',
        districtName: 'Leninsky district',
        abroad: false,
        country: 'KG',
        address: `School No. ${precinctId.slice(5)}`,
        // polling hours are the precinct's own: the bench's zone, where the real clock is about noon
        timeZone,
      }),
    ),
  ]);
  progress(`publishing ${fmt(voters)} VoterListed for election ${electionDate} (${timeZone})`);
  for (let first = 0; first < voters; first += 5000) {
    await send(
      Array.from({ length: Math.min(5000, voters - first) }, (_, offset) =>
        envelope('VoterListed', {
          electionId,
          personalNumber: voter(first + offset),
          precinctId: PRECINCTS[(first + offset) % PRECINCTS.length] as string,
        }),
      ),
    );
  }
  await send(
    PRECINCTS.map((precinctId, index) =>
      envelope('VoterListFinalized', {
        electionId,
        precinctId,
        voterCount: Math.floor(voters / PRECINCTS.length) + (index < voters % PRECINCTS.length ? 1 : 0),
        merkleRoot: 'bWVya2xlIHJvb3Qgb2YgYSBsaXN0',
      }),
    ),
  );
  await producer.disconnect();
  for (;;) {
    const { rows } = await pool.query(
      `select (select count(*) from electoral_roll where election_id = $1)::int as listed,
              (select count(*) from voter_list_finalizations where election_id = $1)::int as finalized`,
      [electionId],
    );
    const { listed, finalized } = rows[0] as { listed: number; finalized: number };
    progress(
      `roll projected by turnout: ${fmt(listed)}/${fmt(voters)} voters, ${finalized}/${PRECINCTS.length} lists final`,
    );
    if (listed >= voters && finalized >= PRECINCTS.length) return;
    await sleep(2000);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
