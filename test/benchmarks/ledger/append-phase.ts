import { performance } from 'node:perf_hooks';
import {
  catalogContracts,
  EventStore,
  EventStoreTables1763860000000,
  type AppendRequest,
} from '@vl/event-store';
import { MessagingTables1763860000001 } from '@vl/messaging';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { peakRssMb } from '../support/memory';
import type { AppendVariant } from './append-variants';
import { SEED_EVENTS } from './append-variants';
import type { BenchResults } from './bench-results';
import { chunks, PRODUCER, type BenchRow } from './bench-rows';
import { countRows, freshSchema, type Schema } from './bench-schema';
import { onCleanup } from './cleanup';
import { progress } from './progress';
import { INSERT_COLUMNS, rawInsert, RETURNING_AS_OURS } from './raw-insert';
import { SqlTimer } from './sql-timer';

interface AppendResult {
  readonly ours: number;
  readonly raw: number;
  /** diagnostics on the first variant: the same INSERT into a table without indexes, and with ours' RETURNING */
  readonly rawHeap?: number;
  readonly rawReturning?: number;
  readonly split?: string;
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

/** Phase 1: every append variant, ours against the raw INSERT; returns the kept log the relay drains. */
export async function runAppendPhase(
  run: number,
  rows: readonly BenchRow[],
  variants: readonly AppendVariant[],
  results: BenchResults,
): Promise<Schema> {
  const N = rows.length;
  let logSchema: Schema | undefined;
  for (const variant of variants) {
    const { key, label } = variant;
    progress(`  ${label}: ours and raw INSERT`);
    const result = await appendVariant(run, rows, variant);
    if (variant.keep) logSchema = result.schema;
    results.record(`${key}-ours`, `${label}: EventStore.append`, 'events/s', N / result.ours);
    results.record(`${key}-raw`, `${label}: raw INSERT (ceiling)`, 'events/s', N / result.raw);
    results.record(`${key}-ratio`, `${label}: ratio`, 'ratio', result.raw / result.ours);
    if (result.rawReturning !== undefined)
      results.record(
        `${key}-returning`,
        `${label}: raw INSERT + ours' ON CONFLICT .. RETURNING (info)`,
        'events/s',
        N / result.rawReturning,
      );
    if (result.rawHeap !== undefined)
      results.record(
        `${key}-heap`,
        `${label}: raw INSERT, table without indexes (info)`,
        'events/s',
        N / result.rawHeap,
      );
    results.splits.push(`run ${run}, ${label}: ${result.split}`);
  }
  results.record('rss-append', 'peak RSS after append', 'MB', peakRssMb());
  return logSchema as Schema;
}
