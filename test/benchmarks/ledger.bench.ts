/*
 * Throughput of the ledger core against real PostgreSQL and Kafka, each number next to its raw ceiling
 * measured in the same run on the same rows:
 *   ./vl node -r @swc-node/register --disable-warning=TimeoutNegativeWarning test/benchmarks/ledger.bench.ts \
 *     [--events N] [--runs R] [--append-batches 1000,5000] [--relay-batches 2000,10000]
 *
 * 1. append:  EventStore.append (ElectionCalled, one new stream per event, expectedVersion 'no-stream') in
 *             batches, 1 and 2 writers  vs  a plain multi-row INSERT (same unnest statement, same rows) into
 *             `create table ... (like events including all)` through `pg`, no checks, no RETURNING. Fresh
 *             tables, and once more on tables seeded with 10,000 events and ANALYZEd (a log with statistics).
 * 2. relay:   OutboxRelay.publishBatch until the log is drained  vs  kafkajs producer.sendBatch of the same
 *             encoded messages (idempotent, acks=-1, same batch sizes).
 * 3. consume: InboxConsumer (inbox row + one effects row per event, one transaction per Kafka batch), from
 *             start until the inbox holds N rows  vs  a kafkajs consumer counting the same topic (eachBatch).
 *
 * Infrastructure comes from resolveTestInfrastructure() (KAFKA_BROKERS/DATABASE_URL, else a broker from
 * the local launcher and the local database voting_ledger_test). Every run uses fresh schemas and topics
 * and drops them; the broker it started is stopped. Progress goes to stderr, results to stdout.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '@vl/contracts';
import {
  catalogContracts,
  EventStore,
  EventStoreTables1763860000000,
  LOG_START,
  type AppendRequest,
  type LogCursor,
  type StoredEvent,
} from '@vl/event-store';
import {
  encodeEventMessage,
  ensureTopics,
  InboxConsumer,
  MessagingTables1763860000001,
  OutboxRelay,
  parseEventMessage,
} from '@vl/messaging';
import { resolveTestInfrastructure, TestSchema, type TestInfrastructure } from '@vl/testing';
import { CompressionTypes, Kafka, logLevel, type Message, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

const TARGET_APPEND = 50_000;
const TARGET_APPEND_RATIO = 0.5;
const TARGET_RELAY = 30_000;
const TARGET_CONSUME = 30_000;
const PRODUCER = 'voter-roll';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    'append-batches': { type: 'string', default: '1000,5000' },
    'relay-batches': { type: 'string', default: '2000,10000' },
  },
});
const N = Number(values.events);
const RUNS = Number(values.runs);
const APPEND_BATCHES = values['append-batches'].split(',').map(Number);
const RELAY_BATCHES = values['relay-batches'].split(',').map(Number);
const positive = (n: number) => Number.isSafeInteger(n) && n > 0;
if (!positive(N) || !positive(RUNS) || !APPEND_BATCHES.every(positive) || !RELAY_BATCHES.every(positive)) {
  throw new Error(
    `--events, --runs and the batch sizes must be positive integers; got --events ${values.events} --runs ${values.runs} ` +
      `--append-batches ${values['append-batches']} --relay-batches ${values['relay-batches']}`,
  );
}

const benchStart = performance.now();
const progress = (line: string) =>
  process.stderr.write(`[ledger bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
// a full collection before reading the live heap, without asking for --expose-gc on the command line
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveHeapMb = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

// ---------------------------------------------------------------------------------------------------
// rows: ElectionCalled payloads shaped like libs/messaging's fixture (electionCalledPayload)

interface BenchRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly electionId: string;
  readonly payload: Record<string, string>;
  readonly payloadJson: string;
}

function makeRows(count: number): BenchRow[] {
  return Array.from({ length: count }, () => {
    const electionId = uuidv7();
    const payload = {
      electionId,
      kind: 'parliamentary',
      title: 'Elections of deputies of the Jogorku Kenesh',
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
      pollsOpenAt: '07:00',
      pollsCloseAt: '20:00',
    };
    return {
      eventId: uuidv7(),
      streamId: `election-${electionId}`,
      electionId,
      payload,
      payloadJson: JSON.stringify(payload),
    };
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// resources, released in reverse order at the end (and on Ctrl-C)

const cleanups: { label: string; run: () => Promise<unknown> }[] = [];
function onCleanup(label: string, run: () => Promise<unknown>): () => Promise<void> {
  const entry = { label, run };
  cleanups.push(entry);
  return async () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
    await run();
  };
}
async function cleanUpAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop() as (typeof cleanups)[number];
    if (interrupted) progress(`  ${entry.label}`);
    try {
      await entry.run();
    } catch (error) {
      progress(`cleanup of ${entry.label} failed: ${String(error)}`);
    }
  }
}

/** After Ctrl-C a statement may still be running in the schema: a drop can then lose a deadlock once. */
async function retried(action: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(500 * attempt);
    }
  }
}

interface Schema {
  readonly schema: TestSchema;
  readonly dataSource: DataSource;
  readonly drop: () => Promise<void>;
}

async function freshSchema(prefix: string, migrations: (new () => unknown)[]): Promise<Schema> {
  const schema = await TestSchema.create(prefix);
  const dropSchema = onCleanup(`schema ${schema.name}`, () => retried(() => schema.drop()));
  const dataSource = await schema.dataSource(migrations as never, 10);
  const destroy = onCleanup(`data source ${schema.name}`, () => dataSource.destroy());
  return {
    schema,
    dataSource,
    drop: async () => {
      await destroy();
      await dropSchema();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// 1. append

/** Times the SQL a library sends through a DataSource, by statement kind, to split its wall time. */
class SqlTimer {
  readonly byStatement = new Map<string, number>();
  readonly counts = new Map<string, number>();
  total = 0;
  /** wall time inside append calls, summed over writers */
  callsMs = 0;

  wrap(dataSource: DataSource): DataSource {
    const wrapManager = (manager: EntityManager): EntityManager =>
      Object.assign(Object.create(manager) as EntityManager, {
        query: async (sql: string, parameters?: unknown[]) => {
          const start = performance.now();
          try {
            return await manager.query(sql, parameters);
          } finally {
            this.add(sql, performance.now() - start);
          }
        },
      });
    return Object.assign(Object.create(dataSource) as DataSource, {
      transaction: (isolation: 'READ COMMITTED', work: (tx: EntityManager) => Promise<unknown>) => {
        const start = performance.now();
        return dataSource
          .transaction(isolation, async (tx) => {
            this.add('begin', performance.now() - start);
            const result = await work(wrapManager(tx));
            return { result, commitStart: performance.now() };
          })
          .then(({ result, commitStart }) => {
            this.add('commit', performance.now() - commitStart);
            return result;
          });
      },
    });
  }

  private add(sql: string, ms: number): void {
    const words = sql.trim().split(/\s+/);
    const key =
      words[0] === 'insert'
        ? `insert ${words[2] ?? '?'}`
        : sql.includes('max(stream_version)')
          ? 'select versions'
          : sql.includes('event_id = any')
            ? 'select stored ids'
            : words[0] === 'select'
              ? `select from ${/ from\s+(\w+)/.exec(sql)?.[1] ?? '?'}`
              : (words[0] ?? '?');
    this.byStatement.set(key, (this.byStatement.get(key) ?? 0) + ms);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += ms;
  }

  /** e.g. "savepoint 1,000× 49.3 ms": statements and milliseconds per 1,000 events */
  describe(events: number): string {
    return [...this.byStatement.entries()]
      .map(([key, ms]) => {
        const perThousand = (this.counts.get(key) ?? 0) / (events / 1000);
        return `${key} ${perThousand < 10 ? perThousand.toFixed(1) : fmt(perThousand)}× ${(ms / (events / 1000)).toFixed(1)} ms`;
      })
      .join(', ');
  }
}

interface AppendResult {
  readonly ours: number;
  readonly raw: number;
  /** diagnostics on the first variant: the same INSERT into a table without indexes, and with ours' RETURNING */
  readonly rawHeap?: number;
  readonly rawReturning?: number;
  readonly split?: string;
}

const INSERT_COLUMNS =
  'event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, correlation_id, causation_id, partition_key, payload';

// the statement EventStore.insertRows sends, without `on conflict do nothing returning ...` unless asked
function rawInsertSql(table: string, tail: string): string {
  return `insert into ${table} (${INSERT_COLUMNS})
    select e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, $6, $7, $8, $9, e.partition_key, e.payload
      from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $10::text[], $11::jsonb[])
           as e(event_id, stream_id, stream_version, type, schema_version, partition_key, payload) ${tail}`;
}

const RETURNING_AS_OURS =
  'on conflict do nothing returning position, tx_id, event_id, stream_id, stream_version, type, schema_version, ' +
  'occurred_at, recorded_at, correlation_id, causation_id, partition_key, payload';

async function rawInsert(
  pool: Pool,
  table: string,
  batches: BenchRow[][],
  writers: number,
  tail = '',
): Promise<number> {
  const sql = rawInsertSql(table, tail);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let b = writer; b < batches.length; b += writers) {
        const batch = batches[b] as BenchRow[];
        const now = new Date().toISOString();
        await pool.query(sql, [
          batch.map((row) => row.eventId),
          batch.map((row) => row.streamId),
          batch.map(() => 1),
          batch.map(() => 'ElectionCalled'),
          batch.map(() => 1),
          now,
          now,
          uuidv7(),
          null,
          batch.map((row) => row.electionId),
          batch.map((row) => row.payloadJson),
        ]);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

async function oursAppend(
  store: EventStore,
  batches: AppendRequest[][],
  writers: number,
  timer: SqlTimer,
): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let b = writer; b < batches.length; b += writers) {
        const callStart = performance.now();
        const stored = await store.append(batches[b] as AppendRequest[]);
        timer.callsMs += performance.now() - callStart;
        if (stored.length !== (batches[b] as AppendRequest[]).length)
          throw new Error(`append stored ${stored.length} of ${(batches[b] as AppendRequest[]).length}`);
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

const appendRequests = (rows: readonly BenchRow[]): AppendRequest[] =>
  rows.map((row) => ({
    streamId: row.streamId,
    expectedVersion: 'no-stream' as const,
    events: [{ type: 'ElectionCalled', payload: row.payload }],
  }));

async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [row] = (await dataSource.query(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return row?.n ?? 0;
}

interface AppendVariant {
  readonly key: string;
  readonly label: string;
  readonly batchSize: number;
  readonly writers: number;
  /** this variant's log feeds the relay; it also runs the diagnostic ceilings */
  readonly keep: boolean;
  /** both tables start with SEED_EVENTS rows and fresh statistics (ANALYZE), as a long-lived log would */
  readonly seeded: boolean;
}

const SEED_EVENTS = 10_000;

const APPEND_VARIANTS: AppendVariant[] = [
  // every batch size with one writer; two writers with the first batch size (keeps the default run short)
  ...APPEND_BATCHES.map((batchSize, index) => ({ batchSize, writers: 1, keep: index === 0 })),
  ...APPEND_BATCHES.slice(0, 1).map((batchSize) => ({ batchSize, writers: 2, keep: false })),
].map(({ batchSize, writers, keep }) => ({
  key: `append-${writers}-${batchSize}`,
  label: `append, ${writers} writer${writers > 1 ? 's' : ''}, ${fmt(batchSize)}/call`,
  batchSize,
  writers,
  keep,
  seeded: false,
}));
APPEND_VARIANTS.push({
  key: `append-1-${APPEND_BATCHES[0]}-seeded`,
  label: `append, 1 writer, ${fmt(APPEND_BATCHES[0] as number)}/call, table analyzed beforehand`,
  batchSize: APPEND_BATCHES[0] as number,
  writers: 1,
  keep: false,
  seeded: true,
});

async function seedAndAnalyze(dataSource: DataSource, table: string): Promise<void> {
  await dataSource.query(
    `insert into ${table} (${INSERT_COLUMNS})
     select gen_random_uuid(), 'election-' || id, 1, 'ElectionCalled', 1, now(), now(), gen_random_uuid(), null, id::text,
            jsonb_build_object('electionId', id, 'kind', 'parliamentary', 'title', 'Elections of deputies of the Jogorku Kenesh',
                               'electionDate', '2030-11-24', 'timeZone', 'Asia/Bishkek', 'pollsOpenAt', '07:00', 'pollsCloseAt', '20:00')
       from (select gen_random_uuid() as id from generate_series(1, $1)) seeds`,
    [SEED_EVENTS],
  );
  await dataSource.query(`analyze ${table}`);
}

/** One append variant on a fresh schema: ours and the raw INSERT into an equivalent table, same rows. */
async function appendVariant(
  run: number,
  rows: readonly BenchRow[],
  { batchSize, writers, keep, seeded }: AppendVariant,
): Promise<AppendResult & { schema: Schema }> {
  const schema = await freshSchema(
    `bench_ledger_r${run}_b${batchSize}_w${writers}${seeded ? '_seeded' : ''}`,
    [EventStoreTables1763860000000, MessagingTables1763860000001],
  );
  const { dataSource } = schema;
  const name = schema.schema.name;
  // the same columns, defaults, identity, constraints and indexes as the event log; no checks around it
  await dataSource.query(`create table raw_events (like events including all)`);
  await dataSource.query(`create table raw_heap (like events including defaults including identity)`);
  await dataSource.query(`create table raw_returning (like events including all)`);
  if (seeded) for (const table of ['events', 'raw_events']) await seedAndAnalyze(dataSource, table);
  const pool = new Pool({ connectionString: schema.schema.databaseUrl, max: writers });
  const endPool = onCleanup('raw pg pool', () => pool.end());
  const timer = new SqlTimer();
  const store = new EventStore(timer.wrap(dataSource), PRODUCER, catalogContracts);
  const requests = chunks(appendRequests(rows), batchSize);
  const rawBatches = chunks(rows, batchSize);
  let ours = 0;
  let raw = 0;
  const measureOurs = async () => (ours = await oursAppend(store, requests, writers, timer));
  const measureRaw = async () => (raw = await rawInsert(pool, `"${name}".raw_events`, rawBatches, writers));
  // alternate the order between runs so neither side always meets the warmer cache or the later checkpoint
  if (run % 2 === 1) {
    await measureOurs();
    await measureRaw();
  } else {
    await measureRaw();
    await measureOurs();
  }
  let diagnostics: { rawHeap: number; rawReturning: number } | undefined;
  if (keep) {
    diagnostics = {
      rawHeap: await rawInsert(pool, `"${name}".raw_heap`, rawBatches, writers),
      rawReturning: await rawInsert(pool, `"${name}".raw_returning`, rawBatches, writers, RETURNING_AS_OURS),
    };
  }
  await endPool();
  for (const table of ['events', 'raw_events', ...(diagnostics ? ['raw_heap', 'raw_returning'] : [])]) {
    const count = await countRows(dataSource, table);
    const expected =
      rows.length + (seeded && (table === 'events' || table === 'raw_events') ? SEED_EVENTS : 0);
    if (count !== expected) throw new Error(`${table} holds ${count} rows, expected ${expected}`);
  }
  const js = (timer.callsMs - timer.total) / (rows.length / 1000);
  const split =
    `per 1,000 events: ${timer.describe(rows.length)}, JavaScript between statements ${js.toFixed(1)} ms` +
    (writers > 1 ? ' (times summed over writers)' : '');
  if (!keep) await schema.drop();
  return { ours, raw, ...diagnostics, split, schema };
}

/**
 * How PostgreSQL runs EventStore's stream-version check on the full log, as the store sent it (statistics
 * as autovacuum left them) and after ANALYZE: the scan node and the execution time for one batch of ids.
 */
async function versionCheckPlans(dataSource: DataSource, batchSize: number): Promise<string> {
  const sql =
    'select stream_id, max(stream_version)::int as version from events where stream_id = any($1::text[]) group by stream_id';
  const explain = async () => {
    const ids = Array.from({ length: batchSize }, () => `election-${uuidv7()}`);
    const [row] = (await dataSource.query(`explain (analyze, format json) ${sql}`, [ids])) as {
      'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
    }[];
    const plan = row?.['QUERY PLAN'][0];
    const scans: string[] = [];
    const walk = (node: PlanNode) => {
      if (/Scan/.test(node['Node Type'])) scans.push(node['Node Type']);
      node.Plans?.forEach(walk);
    };
    if (plan) walk(plan.Plan);
    return `${scans.join(' + ') || '?'} ${plan?.['Execution Time'].toFixed(1) ?? '?'} ms`;
  };
  const [stats] = (await dataSource.query(
    `select coalesce(last_autoanalyze::text, 'never') as analyzed from pg_stat_user_tables where relname = 'events' and schemaname = current_schema()`,
  )) as { analyzed: string }[];
  const before = await explain();
  await dataSource.query('analyze events');
  const after = await explain();
  return `version check for ${fmt(batchSize)} new streams on ${fmt(N)} events (autoanalyzed: ${stats?.analyzed ?? '?'}): ${before}; after ANALYZE: ${after}`;
}

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

// ---------------------------------------------------------------------------------------------------
// 2. relay

/** The event store with readLog timed (a subclass: the library is used as it is). */
class TimedStore extends EventStore {
  readLogMs = 0;
  override async readLog(after: LogCursor, limit: number, manager?: EntityManager): Promise<StoredEvent[]> {
    const start = performance.now();
    try {
      return await super.readLog(after, limit, manager);
    } finally {
      this.readLogMs += performance.now() - start;
    }
  }
}

/** A Kafka client whose producers time sendBatch. */
function timedKafka(kafka: Kafka, sink: { sendMs: number }): Kafka {
  return Object.assign(Object.create(kafka) as Kafka, {
    producer: (config?: Parameters<Kafka['producer']>[0]) => {
      const producer = kafka.producer(config);
      return Object.assign(Object.create(producer) as Producer, {
        sendBatch: async (batch: Parameters<Producer['sendBatch']>[0]) => {
          const start = performance.now();
          try {
            return await producer.sendBatch(batch);
          } finally {
            sink.sendMs += performance.now() - start;
          }
        },
      });
    },
  });
}

async function oursRelay(
  dataSource: DataSource,
  kafka: Kafka,
  topic: string,
  batchSize: number,
): Promise<{ seconds: number; stalledMs: number; split: string }> {
  const store = new TimedStore(dataSource, PRODUCER, catalogContracts);
  const sink = { sendMs: 0 };
  const relay = new OutboxRelay(dataSource, store, timedKafka(kafka, sink), {
    name: `bench-${topic}`,
    topicOf: () => topic,
    batchSize,
  });
  const stopRelay = onCleanup('relay', () => relay.stop());
  let published = 0;
  let stalledMs = 0;
  const deadline = Date.now() + 15 * 60_000;
  let seconds = 0;
  const start = performance.now();
  try {
    while (published < N) {
      const count = await relay.publishBatch();
      published += count;
      if (count === 0) {
        // an older transaction anywhere in the cluster holds pg_snapshot_xmin back: the log is not readable yet
        if (Date.now() > deadline) throw new Error(`the relay is stuck at ${published} of ${N} events`);
        const waitStart = performance.now();
        await sleep(20);
        stalledMs += performance.now() - waitStart;
      }
    }
    seconds = (performance.now() - start) / 1000;
  } finally {
    await stopRelay();
  }
  const per = (ms: number) => (ms / (N / 1000)).toFixed(1);
  const rest = seconds * 1000 - store.readLogMs - sink.sendMs - stalledMs;
  return {
    seconds,
    stalledMs,
    split:
      `per 1,000 events: readLog ${per(store.readLogMs)} ms, sendBatch ${per(sink.sendMs)} ms, ` +
      `position + encode + topic check ${per(rest)} ms` +
      (stalledMs > 0 ? `, waited ${fmt(stalledMs)} ms behind an older transaction` : ''),
  };
}

async function rawSend(kafka: Kafka, topic: string, messages: readonly Message[], batchSize: number) {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const disconnect = onCleanup('raw producer', () => producer.disconnect());
  const start = performance.now();
  try {
    for (const batch of chunks(messages, batchSize)) {
      await producer.sendBatch({
        topicMessages: [{ topic, messages: batch }],
        acks: -1,
        compression: CompressionTypes.None,
      });
    }
    return (performance.now() - start) / 1000;
  } finally {
    await disconnect();
  }
}

async function createLargeMessageTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: 6,
        replicationFactor: -1,
        configEntries: [{ name: 'max.message.bytes', value: String(16 * 2 ** 20) }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** The whole log as the relay would encode it, page by page (the raw producer's input). */
async function encodedLog(store: EventStore): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: LogCursor = LOG_START;
  for (;;) {
    const page = await store.readLog(cursor, 20_000);
    if (page.length === 0) break;
    for (const event of page) messages.push(encodeEventMessage(event));
    cursor = (page.at(-1) as StoredEvent).cursor;
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------------
// 3. consume

interface ConsumeResult {
  readonly seconds: number;
  readonly firstMs: number;
}

async function oursConsume(
  kafka: Kafka,
  topic: string,
  run: number,
): Promise<ConsumeResult & { handled: number; split: string }> {
  const consumerSchema = await freshSchema(`bench_ledger_r${run}_consumer`, [MessagingTables1763860000001]);
  const { dataSource } = consumerSchema;
  await dataSource.query('create table effects (event_id uuid not null, election_id uuid not null)');
  let handled = 0;
  const timer = new SqlTimer();
  const inbox = new InboxConsumer(timer.wrap(dataSource), kafka, {
    groupId: `bench-inbox-${randomBytes(4).toString('hex')}`,
    topics: [topic],
    parse: parseEventMessage,
    handlers: {
      ElectionCalled: async (event, tx) => {
        await tx.query('insert into effects (event_id, election_id) values ($1, $2)', [
          event.eventId,
          (event.payload as { electionId: string }).electionId,
        ]);
        handled++;
      },
    },
    // a clean Kafka batch is applied in runs: one multi-row effects insert per run, as real projections do
    batchHandlers: {
      ElectionCalled: async (events, tx) => {
        await tx.query(
          'insert into effects (event_id, election_id) select * from unnest($1::uuid[], $2::uuid[])',
          [
            events.map((event) => event.eventId),
            events.map((event) => (event.payload as { electionId: string }).electionId),
          ],
        );
        handled += events.length;
      },
    },
    record: async () => undefined,
  });
  const stopInbox = onCleanup('inbox consumer', () => inbox.stop());
  const inboxRows = async () => countRows(dataSource, 'inbox');
  const deadline = Date.now() + 20 * 60_000;
  const start = performance.now();
  await inbox.start();
  let firstMs = 0;
  let lastReport = performance.now();
  for (;;) {
    // the handler's counter says when to look; the committed inbox rows say when it is done
    if (firstMs === 0 && handled > 0) firstMs = performance.now() - start;
    if (handled >= N && (await inboxRows()) >= N) break;
    if (Date.now() > deadline) throw new Error(`the inbox consumer is stuck at ${await inboxRows()} of ${N}`);
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      progress(`    inbox: ${fmt(handled)} of ${fmt(N)} handled`);
    }
    await sleep(handled >= N ? 5 : 20);
  }
  const seconds = (performance.now() - start) / 1000;
  await stopInbox();
  const [effects] = (await dataSource.query(
    'select count(*)::int as total, count(distinct event_id)::int as distinct from effects',
  )) as { total: number; distinct: number }[];
  if (effects?.total !== N || effects.distinct !== N)
    throw new Error(`effects: ${JSON.stringify(effects)}, expected ${N} exactly once`);
  await consumerSchema.drop();
  const split =
    `per 1,000 events: ${timer.describe(N)}; all SQL ${(timer.total / (N / 1000)).toFixed(1)} ms ` +
    `of ${((seconds * 1000) / (N / 1000)).toFixed(1)} ms elapsed`;
  return { seconds, firstMs, handled, split };
}

async function rawConsume(kafka: Kafka, topic: string): Promise<ConsumeResult> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomBytes(4).toString('hex')}` });
  const disconnect = onCleanup('raw consumer', () => consumer.disconnect());
  let count = 0;
  let firstMs = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = performance.now();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      if (firstMs === 0) firstMs = performance.now() - start;
      count += batch.messages.length;
      if (count >= N) done();
    },
  });
  await Promise.race([
    finished,
    sleep(10 * 60_000).then(() => Promise.reject(new Error(`raw consumer stuck at ${count} of ${N}`))),
  ]);
  const seconds = (performance.now() - start) / 1000;
  await disconnect();
  return { seconds, firstMs };
}

// ---------------------------------------------------------------------------------------------------
// JavaScript-only splits: what one event costs the CPU before any I/O

function jsSplits(rows: readonly BenchRow[], messages: readonly Message[]) {
  const events: NewEvent[] = rows.map((row) => ({ type: 'ElectionCalled', payload: row.payload }));
  let start = performance.now();
  for (const event of events) catalogContracts.prepare(PRODUCER, event);
  const validate = (performance.now() - start) / 1000;
  start = performance.now();
  for (const message of messages) parseEventMessage(String(message.value));
  const parse = (performance.now() - start) / 1000;
  return { validate: rows.length / validate, parse: messages.length / parse };
}

async function roundTripMicros(dataSource: DataSource): Promise<number> {
  const count = 2000;
  return dataSource.transaction(async (tx) => {
    const start = performance.now();
    for (let i = 0; i < count; i++) await tx.query('select 1');
    return ((performance.now() - start) * 1000) / count;
  });
}

// ---------------------------------------------------------------------------------------------------

type Metric = { label: string; unit: 'events/s' | 'ratio' | 'ms' | 'MB' | 'µs' | 'count'; values: number[] };

async function main(): Promise<void> {
  const metrics = new Map<string, Metric>();
  const record = (key: string, label: string, unit: Metric['unit'], value: number) => {
    const metric = metrics.get(key) ?? { label, unit, values: [] };
    metric.values.push(value);
    metrics.set(key, metric);
  };
  const splits: string[] = [];
  const notes = new Set<string>();

  progress(`resolving infrastructure (KAFKA_BROKERS/DATABASE_URL, else the local launcher)`);
  const infrastructure: TestInfrastructure = await resolveTestInfrastructure();
  onCleanup('infrastructure', () => infrastructure.stop());
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  const kafka = new Kafka({
    clientId: 'ledger-bench',
    brokers: infrastructure.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const pgVersion = execFileSync('psql', ['--version']).toString().trim();
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `${pgVersion}, infrastructure: ${infrastructure.source}`,
  );
  console.log(
    `${fmt(N)} events a phase, ${RUNS} run(s), append batches ${APPEND_BATCHES.join('/')}, relay batches ${RELAY_BATCHES.join('/')}`,
  );
  const heapBefore = process.memoryUsage().heapUsed;
  const rows = makeRows(N);
  console.log(
    `the benchmark's own rows hold ~${fmt((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20)} MB of heap; ` +
      `the encoded messages for the raw producer add about as much per run`,
  );

  for (let run = 1; run <= RUNS; run++) {
    progress(`run ${run}/${RUNS}`);
    const tag = `${Date.now().toString(36)}-${run}`;
    const topics: string[] = [];
    const deleteTopics = onCleanup(`topics of run ${run}`, async () => {
      if (topics.length === 0) return;
      const admin = kafka.admin();
      await admin.connect();
      try {
        await admin.deleteTopics({ topics, timeout: 30_000 });
      } finally {
        await admin.disconnect();
      }
    });

    // 1. append
    let logSchema: Schema | undefined;
    for (const variant of APPEND_VARIANTS) {
      const { key, label } = variant;
      progress(`  ${label}: ours and raw INSERT`);
      const result = await appendVariant(run, rows, variant);
      if (variant.keep) logSchema = result.schema;
      record(`${key}-ours`, `${label}: EventStore.append`, 'events/s', N / result.ours);
      record(`${key}-raw`, `${label}: raw INSERT (ceiling)`, 'events/s', N / result.raw);
      record(`${key}-ratio`, `${label}: ratio`, 'ratio', result.raw / result.ours);
      if (result.rawReturning !== undefined)
        record(
          `${key}-returning`,
          `${label}: raw INSERT + ours' ON CONFLICT .. RETURNING (info)`,
          'events/s',
          N / result.rawReturning,
        );
      if (result.rawHeap !== undefined)
        record(
          `${key}-heap`,
          `${label}: raw INSERT, table without indexes (info)`,
          'events/s',
          N / result.rawHeap,
        );
      splits.push(`run ${run}, ${label}: ${result.split}`);
    }
    const log = logSchema as Schema;
    record('rss-append', 'peak RSS after append', 'MB', peakRssMb());

    // 2. relay
    const store = new EventStore(log.dataSource, PRODUCER, catalogContracts);
    progress(`  relay: reading and encoding the log for the raw producer`);
    const encodeStart = performance.now();
    const messages = await encodedLog(store);
    const encodeSeconds = (performance.now() - encodeStart) / 1000;
    if (messages.length !== N) throw new Error(`the log holds ${messages.length} events, expected ${N}`);
    record('read-encode', 'readLog + encodeEventMessage, whole log (info)', 'events/s', N / encodeSeconds);
    const messageBytes =
      messages.reduce(
        (sum, m) =>
          sum +
          String(m.value).length +
          String(m.key).length +
          Object.entries(m.headers ?? {}).reduce((h, [k, v]) => h + k.length + String(v).length, 0),
        0,
      ) / N;
    let consumeTopic = '';
    for (const batchSize of RELAY_BATCHES) {
      const label = `relay, batch ${fmt(batchSize)}`;
      // first on topics as ensureTopics creates them (broker defaults, max.message.bytes 1 MiB); when a batch
      // is refused as too large, again on topics that accept 16 MiB record batches
      let result: { ours: Awaited<ReturnType<typeof oursRelay>>; raw: number } | undefined;
      for (const raised of [false, true]) {
        const suffix = raised ? '-large' : '';
        const oursTopic = `bench.ledger.${tag}.relay-${batchSize}${suffix}`;
        const rawTopic = `bench.ledger.${tag}.raw-${batchSize}${suffix}`;
        topics.push(oursTopic, rawTopic);
        if (raised) await createLargeMessageTopics(kafka, [oursTopic, rawTopic]);
        else await ensureTopics(kafka, [oursTopic, rawTopic]);
        progress(
          `  relay: batchSize ${fmt(batchSize)}, ours and raw sendBatch${raised ? ', topics with max.message.bytes 16 MiB' : ''}`,
        );
        let ours = { seconds: 0, stalledMs: 0, split: '' };
        let raw = 0;
        const measureOurs = async () => (ours = await oursRelay(log.dataSource, kafka, oursTopic, batchSize));
        const measureRaw = async () => (raw = await rawSend(kafka, rawTopic, messages, batchSize));
        try {
          if (run % 2 === 1) {
            await measureOurs();
            await measureRaw();
          } else {
            await measureRaw();
            await measureOurs();
          }
        } catch (error) {
          if (raised || (error as { type?: string }).type !== 'MESSAGE_TOO_LARGE') throw error;
          notes.add(
            `${label}: on a topic with the broker's default max.message.bytes (1 MiB) the first sendBatch is refused ` +
              `with MESSAGE_TOO_LARGE (${fmt(batchSize)} events of ~${fmt(messageBytes)} bytes over 6 partitions ` +
              `≈ ${fmt((batchSize / 6) * messageBytes)} bytes per partition); OutboxRelay's loop would retry that ` +
              `same batch forever. Measured again on topics created with max.message.bytes=16 MiB.`,
          );
          record(`relay-${batchSize}-refused`, `${label}: refused on a default topic (1 = yes)`, 'count', 1);
          continue;
        }
        if (!raised)
          record(`relay-${batchSize}-refused`, `${label}: refused on a default topic (1 = yes)`, 'count', 0);
        if (!consumeTopic) consumeTopic = oursTopic;
        result = { ours, raw };
        break;
      }
      const { ours, raw } = result as NonNullable<typeof result>;
      record(`relay-${batchSize}-ours`, `${label}: OutboxRelay.publishBatch`, 'events/s', N / ours.seconds);
      record(`relay-${batchSize}-raw`, `${label}: raw sendBatch (ceiling)`, 'events/s', N / raw);
      record(`relay-${batchSize}-ratio`, `${label}: ratio`, 'ratio', raw / ours.seconds);
      splits.push(`run ${run}, ${label}: ${ours.split}`);
    }
    splits.push(`run ${run}, ${await versionCheckPlans(log.dataSource, APPEND_BATCHES[0] as number)}`);
    await log.drop();
    record('rss-relay', 'peak RSS after append + relay', 'MB', peakRssMb());

    // 3. consume
    progress(`  consume: raw kafkajs consumer and InboxConsumer on ${consumeTopic}`);
    let ours: Awaited<ReturnType<typeof oursConsume>> = { seconds: 0, firstMs: 0, handled: 0, split: '' };
    let raw: ConsumeResult = { seconds: 0, firstMs: 0 };
    if (run % 2 === 1) {
      raw = await rawConsume(kafka, consumeTopic);
      ours = await oursConsume(kafka, consumeTopic, run);
    } else {
      ours = await oursConsume(kafka, consumeTopic, run);
      raw = await rawConsume(kafka, consumeTopic);
    }
    record('consume-ours', 'consume: InboxConsumer, start to N inbox rows', 'events/s', N / ours.seconds);
    record('consume-raw', 'consume: raw kafkajs eachBatch (ceiling)', 'events/s', N / raw.seconds);
    record('consume-ratio', 'consume: ratio', 'ratio', raw.seconds / ours.seconds);
    record('consume-ours-first', 'consume: InboxConsumer, start to first event', 'ms', ours.firstMs);
    record('consume-raw-first', 'consume: raw, start to first batch', 'ms', raw.firstMs);
    splits.push(`run ${run}, consume (InboxConsumer): ${ours.split}`);
    if (ours.handled !== N)
      splits.push(`run ${run}, consume: the handler ran ${ours.handled} times for ${N}`);

    // JavaScript-only and round-trip splits
    progress(`  splits: validation, parsing, database round trip`);
    const js = jsSplits(rows, messages);
    record('js-validate', 'split: catalogContracts.prepare only (JS)', 'events/s', js.validate);
    record('js-parse', 'split: parseEventMessage only (JS)', 'events/s', js.parse);
    const probe = await freshSchema(`bench_ledger_r${run}_probe`, []);
    record(
      'rtt',
      'split: one DB round trip (select 1 in a transaction)',
      'µs',
      await roundTripMicros(probe.dataSource),
    );
    await probe.drop();
    await deleteTopics();
    record('rss', 'peak RSS after consume and splits (whole run)', 'MB', peakRssMb());
    record(
      'heap',
      "live heap after a full GC at the run's end (incl. the benchmark's data)",
      'MB',
      liveHeapMb(),
    );
    progress(`  run ${run} done`);
  }

  // results: per run and median; ratios are ours/raw per run (throughput ratio), median of those
  const show = (metric: Metric, value: number) =>
    metric.unit === 'ratio'
      ? `${(value * 100).toFixed(0)} %`
      : metric.unit === 'events/s'
        ? fmt(value)
        : metric.unit === 'µs'
          ? value.toFixed(0)
          : fmt(value);
  const header = ['measurement', 'unit', ...Array.from({ length: RUNS }, (_, i) => `run ${i + 1}`), 'median'];
  console.log('');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((cell, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`);
  for (const metric of metrics.values()) {
    const unit = metric.unit === 'ratio' ? 'ours / raw' : metric.unit;
    console.log(
      `| ${metric.label} | ${unit} | ${metric.values.map((v) => show(metric, v)).join(' | ')} | **${show(metric, median(metric.values))}** |`,
    );
  }
  console.log('');
  for (const line of splits) console.log(`- ${line}`);
  for (const line of notes) console.log(`- note: ${line}`);
  console.log('');
  const med = (key: string) => median(metrics.get(key)?.values ?? [0]);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const { key, label } of APPEND_VARIANTS) {
    const rate = med(`${key}-ours`);
    const ratio = med(`${key}-ratio`);
    console.log(
      `target append ≥ ${fmt(TARGET_APPEND)} events/s and ≥ ${TARGET_APPEND_RATIO * 100} % of raw ` +
        `(${label}): ${verdict(rate >= TARGET_APPEND && ratio >= TARGET_APPEND_RATIO)} ` +
        `(${fmt(rate)} events/s, ${(ratio * 100).toFixed(0)} %)`,
    );
  }
  for (const batchSize of RELAY_BATCHES) {
    const rate = med(`relay-${batchSize}-ours`);
    console.log(
      `target relay ≥ ${fmt(TARGET_RELAY)} events/s (batch ${fmt(batchSize)}): ${verdict(rate >= TARGET_RELAY)} (${fmt(rate)} events/s)`,
    );
  }
  const consume = med('consume-ours');
  console.log(
    `target consume with inbox ≥ ${fmt(TARGET_CONSUME)} events/s: ${verdict(consume >= TARGET_CONSUME)} (${fmt(consume)} events/s)`,
  );
  console.log(
    `total ${((performance.now() - benchStart) / 1000).toFixed(0)} s, peak RSS ${fmt(peakRssMb())} MB`,
  );
}

// `on`, not `once`: signal-exit (loaded with the launcher) re-raises a signal nobody else listens to any more
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: cleaning up (schemas, topics, broker)`);
    void cleanUpAll().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    if (interrupted) return; // the cleanup pulled connections from under the running phase
    // the stack only: a failed query's error object carries its 200,000-row parameters
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (interrupted) return;
    progress('cleaning up (schemas, topics, broker)');
    await cleanUpAll();
    progress('done');
    // kafkajs and pg leave no work behind after cleanup; exit explicitly so a stray timer cannot hold us
    process.exit();
  });
