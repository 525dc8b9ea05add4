import { performance } from 'node:perf_hooks';
import type { NewEvent } from '@vl/contracts';
import { catalogContracts } from '@vl/event-store';
import { parseEventMessage } from '@vl/messaging';
import type { Message } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { BenchResults } from './bench-results';
import { PRODUCER, type BenchRow } from './bench-rows';
import { freshSchema } from './bench-schema';
import { progress } from './progress';

/** What one event costs the CPU before any I/O: validation on append, parsing on consume. */
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

/** JavaScript-only and database round-trip splits, to read the phases' numbers against. */
export async function runSplits(
  run: number,
  rows: readonly BenchRow[],
  messages: readonly Message[],
  results: BenchResults,
): Promise<void> {
  progress(`  splits: validation, parsing, database round trip`);
  const js = jsSplits(rows, messages);
  results.record('js-validate', 'split: catalogContracts.prepare only (JS)', 'events/s', js.validate);
  results.record('js-parse', 'split: parseEventMessage only (JS)', 'events/s', js.parse);
  const probe = await freshSchema(`bench_ledger_r${run}_probe`, []);
  results.record(
    'rtt',
    'split: one DB round trip (select 1 in a transaction)',
    'µs',
    await roundTripMicros(probe.dataSource),
  );
  await probe.drop();
}
