/*
 * Check-in throughput of a real turnout process over HTTP, against real PostgreSQL and Kafka:
 *   ./vl node -r @swc-node/register --disable-warning=TimeoutNegativeWarning test/benchmarks/check-in.bench.ts \
 *     [--voters-per-run 20000] [--sync-voters-per-run 60000] [--runs 3] [--connections 64] [--syncs-in-flight 8]
 *     [--cpu-prof DIR]
 *
 * 1. single: POST /elections/:id/check-ins, one voter a request, `--connections` keep-alive connections
 *            (http.Agent keepAlive) each sending its next request when the last is answered.
 * 2. sync:   POST /elections/:id/check-ins/batch, pages of 400 check-ins (the page limit), `--syncs-in-flight`
 *            pages at a time, as offline poll books syncing at the end of the day.
 * Every run checks in fresh voters, and every answer must be `accepted`, else the run fails. After each phase the
 * bench waits until the outbox relay has published every event to Kafka, the checkpointer has folded it into the
 * Merkle tree and the live read model counts every check-in, and reports both rates: answered, and sustained (until
 * also on Kafka, in the tree and projected). Each phase also prints the CPU every process on the machine spent per
 * 1,000 check-ins (turnout, PostgreSQL, Kafka, this load generator, other) and the rate that CPU allows on the
 * machine's cores.
 *
 * Set-up, not measured: turnout runs as its own process (services/turnout/src/main.ts, system clock) on a
 * fresh schema; an election is called for today in the Etc/GMT zone where it is about noon, polls 00:00–23:59,
 * so the real clock is inside polling hours; precincts and the voter lists are published on voter-roll's topics
 * and projected by turnout's consumer (that rate is printed too); the commission opens every precinct's polls.
 * Infrastructure: resolveTestInfrastructure() (KAFKA_BROKERS/DATABASE_URL, else a local broker and the local
 * database voting_ledger_test). Progress goes to stderr, results to stdout; medians over the runs.
 */
import { cpus, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { cpuSnapshot, cpuSpent, reportCpu } from './support/cpu-accounting';
import { fmt } from './support/format';
import { keepAlivePost } from './support/keep-alive-post';
import { pollingDayAroundNow } from './support/polling-day-around-now';
import { progressLog } from './support/progress';
import { sleep } from './support/sleep';
import { median } from './support/statistics';

const { values } = parseArgs({
  options: {
    'voters-per-run': { type: 'string', default: '20000' },
    'sync-voters-per-run': { type: 'string', default: '60000' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    'syncs-in-flight': { type: 'string', default: '8' },
    // a directory for a V8 CPU profile of the turnout process (node --cpu-prof), written when it stops
    'cpu-prof': { type: 'string' },
  },
});
const SINGLE = Number(values['voters-per-run']);
const SYNCED = Number(values['sync-voters-per-run']);
const RUNS = Number(values.runs);
const CONNECTIONS = Number(values.connections);
const SYNCS_IN_FLIGHT = Number(values['syncs-in-flight']);
if (![SINGLE, SYNCED, RUNS, CONNECTIONS, SYNCS_IN_FLIGHT].every((n) => Number.isSafeInteger(n) && n > 0))
  throw new Error('every option must be a positive integer');

const PAGE = 400;
const PRECINCTS = Array.from({ length: 100 }, (_, index) => `1101-${String(index + 1).padStart(3, '0')}`);
const TARGET_SINGLE = 5_000;
const TARGET_SYNC = 50_000;

const { progress } = progressLog('check-in bench');
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

// a well-formed personal number per index: sex digit 2, a real birth date in January 1990, a 5-digit serial
const voter = (index: number) =>
  `2${String(1 + Math.floor(index / 100_000)).padStart(2, '0')}011990${String(index % 100_000).padStart(5, '0')}`;

const post = keepAlivePost(CONNECTIONS);

async function main(): Promise<void> {
  progress('resolving infrastructure (KAFKA_BROKERS/DATABASE_URL, else the local launcher)');
  const infrastructure = await resolveTestInfrastructure();
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  const schema = await TestSchema.create('bench_turnout');
  const key = await generateSigningKey('check-in-bench');
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
  const logDir = mkdtempSync(join(tmpdir(), 'vl-check-in-bench-'));
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
        ...(values['cpu-prof'] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values['cpu-prof']}` } : {}),
      },
      logDir,
    );
    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `infrastructure: ${infrastructure.source}; turnout, PostgreSQL, Kafka and this load generator share the machine`,
    );
    const electionId = uuidv7();
    const voters = RUNS * (SINGLE + SYNCED);
    await publishRoll(infrastructure.kafkaBrokers, electionId, voters, pool);
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
    const url = `${service.url}/elections/${electionId}/check-ins`;
    const rates = {
      single: [] as number[],
      singleSustained: [] as number[],
      sync: [] as number[],
      syncSustained: [] as number[],
    };
    const ceilings = { single: [] as number[], sync: [] as number[] };
    const servicePid = service.pid;
    await ledgerDrained(pool, 0);
    let next = 0;
    for (let run = 1; run <= RUNS; run++) {
      const first = next;
      next += SINGLE;
      progress(
        `run ${run}/${RUNS}: ${fmt(SINGLE)} single check-ins over ${CONNECTIONS} keep-alive connections`,
      );
      const singleCpu = cpuSnapshot(servicePid);
      const result = await singleCheckIns(url, pollWorker, first, SINGLE);
      const singleDrain = await ledgerDrained(pool, next);
      ceilings.single.push(
        reportCpu('single', cpuSpent(singleCpu, cpuSnapshot(servicePid)), SINGLE, 'check-ins'),
      );
      rates.single.push(result.rate);
      rates.singleSustained.push(SINGLE / (SINGLE / result.rate + singleDrain));
      console.log(
        `run ${run} single: ${fmt(result.rate)} check-ins/s, latency p50 ${result.p50.toFixed(1)} ms, ` +
          `p99 ${result.p99.toFixed(1)} ms; relay and checkpointer done ${singleDrain.toFixed(1)} s later`,
      );
      const firstSynced = next;
      next += SYNCED;
      progress(
        `run ${run}/${RUNS}: ${fmt(SYNCED)} check-ins in pages of ${PAGE}, ${SYNCS_IN_FLIGHT} pages in flight`,
      );
      const syncCpu = cpuSnapshot(servicePid);
      const rate = await syncedCheckIns(`${url}/batch`, pollWorker, firstSynced, SYNCED);
      const syncDrain = await ledgerDrained(pool, next);
      ceilings.sync.push(reportCpu('sync', cpuSpent(syncCpu, cpuSnapshot(servicePid)), SYNCED, 'check-ins'));
      rates.sync.push(rate);
      rates.syncSustained.push(SYNCED / (SYNCED / rate + syncDrain));
      console.log(
        `run ${run} sync:   ${fmt(rate)} check-ins/s; relay and checkpointer done ${syncDrain.toFixed(1)} s later`,
      );
    }
    console.log('');
    console.log(`medians of ${RUNS}: answered / sustained (until also on Kafka and in the Merkle tree)`);
    console.log(
      `  single check-ins over HTTP: ${fmt(median(rates.single))} / ${fmt(median(rates.singleSustained))} per s (target ${fmt(TARGET_SINGLE)})`,
    );
    console.log(
      `  batch sync:                 ${fmt(median(rates.sync))} / ${fmt(median(rates.syncSustained))} per s (target ${fmt(TARGET_SYNC)})`,
    );
    console.log(
      `  CPU ceiling (${cpus().length} cores busy with nothing else): single ${fmt(median(ceilings.single))}, ` +
        `batch sync ${fmt(median(ceilings.sync))} per s`,
    );
    console.log(
      JSON.stringify(
        Object.fromEntries(
          Object.entries({ ...rates, ceilingSingle: ceilings.single, ceilingSync: ceilings.sync }).map(
            ([key, list]) => [key, list.map(Math.round)],
          ),
        ),
      ),
    );
  } catch (error) {
    if (service) process.stderr.write(`turnout's log ends:\n${tailOf(service.logFile)}\n`);
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

function tailOf(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
}

/** The election, 100 precincts and the voter lists on voter-roll's topics; waits for turnout to project them. */
async function publishRoll(brokers: string, electionId: string, voters: number, pool: Pool): Promise<void> {
  const kafka = new Kafka({
    clientId: 'check-in-bench',
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
    for (const { topic, message } of events) {
      const messages = byTopic.get(topic) ?? [];
      messages.push(message);
      byTopic.set(topic, messages);
    }
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
      title: 'Check-in benchmark',
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
    const chunk = Array.from({ length: Math.min(5000, voters - first) }, (_, offset) =>
      envelope('VoterListed', {
        electionId,
        personalNumber: voter(first + offset),
        precinctId: PRECINCTS[(first + offset) % PRECINCTS.length] as string,
      }),
    );
    await send(chunk);
  }
  await producer.disconnect();
  const started = performance.now();
  for (;;) {
    const [row] = (
      await pool.query('select count(*)::int as n from electoral_roll where election_id = $1', [electionId])
    ).rows as { n: number }[];
    const projected = row?.n ?? 0;
    const elapsed = (performance.now() - started) / 1000;
    const rate = projected / Math.max(elapsed, 0.001);
    progress(
      `roll projected by turnout: ${fmt(projected)}/${fmt(voters)} (${fmt(rate)}/s, ETA ${fmt((voters - projected) / Math.max(rate, 1))} s)`,
    );
    if (projected >= voters) {
      console.log(
        `roll projection (InboxConsumer, one event at a time): ${fmt(voters / elapsed)} VoterListed/s`,
      );
      return;
    }
    await sleep(2000);
  }
}

/**
 * Seconds until the relay has published and the checkpointer has folded every event of the log, and the live
 * read model counts every check-in so far: all the work the check-ins cause.
 */
async function ledgerDrained(pool: Pool, checkedIn: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows } = await pool.query(
      `select (select count(*) from events)::int as logged,
              coalesce((select published from relay_positions where relay = 'kafka'), 0)::int as published,
              coalesce((select tree_size from log_tree), 0)::int as folded,
              (select count(*) from standing_check_ins)::int as projected`,
    );
    const { logged, published, folded, projected } = rows[0] as {
      logged: number;
      published: number;
      folded: number;
      projected: number;
    };
    if (published >= logged && folded >= logged && projected >= checkedIn)
      return (performance.now() - started) / 1000;
    await sleep(100);
  }
}

const checkIn = (index: number) => ({
  checkInId: uuidv7(),
  personalNumber: voter(index),
  precinctId: PRECINCTS[index % PRECINCTS.length] as string,
  method: 'station',
  identification: 'biometric',
});

async function singleCheckIns(url: string, token: string, first: number, count: number) {
  const latencies: number[] = [];
  let next = first;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < first + count) {
        const index = next++;
        const sent = performance.now();
        const response = await post(url, token, checkIn(index));
        latencies.push(performance.now() - sent);
        if (response.status !== 201)
          throw new Error(`check-in ${index}: ${response.status} ${response.body}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function syncedCheckIns(url: string, token: string, first: number, count: number): Promise<number> {
  const pages: { deviceId: string; checkIns: unknown[] }[] = [];
  for (let start = first; start < first + count; start += PAGE) {
    const checkIns = Array.from({ length: Math.min(PAGE, first + count - start) }, (_, offset) => {
      const index = start + offset;
      return { ...checkIn(index), sequence: offset, deviceTime: new Date().toISOString() };
    });
    pages.push({ deviceId: `pb-bench-${start}`, checkIns });
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SYNCS_IN_FLIGHT }, async () => {
      while (next < pages.length) {
        const page = pages[next++] as (typeof pages)[number];
        const response = await post(url, token, page);
        const answer = JSON.parse(response.body) as { accepted?: number };
        if (response.status !== 200 || answer.accepted !== page.checkIns.length)
          throw new Error(`sync of ${page.deviceId}: ${response.status} ${response.body.slice(0, 500)}`);
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `check-in bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
