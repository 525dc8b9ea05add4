import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { BenchRow } from './bench-rows';

export const INSERT_COLUMNS =
  'event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, correlation_id, causation_id, partition_key, payload';

// the statement EventStore.insertRows sends, without `on conflict do nothing returning ...` unless asked
function rawInsertSql(table: string, tail: string): string {
  return `insert into ${table} (${INSERT_COLUMNS})
    select e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, $6, $7, $8, $9, e.partition_key, e.payload
      from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $10::text[], $11::jsonb[])
           as e(event_id, stream_id, stream_version, type, schema_version, partition_key, payload) ${tail}`;
}

export const RETURNING_AS_OURS =
  'on conflict do nothing returning position, tx_id, event_id, stream_id, stream_version, type, schema_version, ' +
  'occurred_at, recorded_at, correlation_id, causation_id, partition_key, payload';

/** The append ceiling: the same multi-row INSERT through `pg`, no checks; seconds for all batches. */
export async function rawInsert(
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
