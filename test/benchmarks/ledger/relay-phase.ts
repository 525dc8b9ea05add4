import { performance } from 'node:perf_hooks';
import { catalogContracts, EventStore } from '@vl/event-store';
import { ensureTopics, OutboxRelay } from '@vl/messaging';
import type { Kafka, Message } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { fmt } from '../support/format';
import { sleep } from '../support/sleep';
import type { BenchResults } from './bench-results';
import { PRODUCER } from './bench-rows';
import type { Schema } from './bench-schema';
import { onCleanup } from './cleanup';
import { progress } from './progress';
import { createLargeMessageTopics, encodedLog, rawSend } from './relay-ceiling';
import { TimedStore, timedKafka } from './relay-timers';

interface RelayResult {
  readonly seconds: number;
  readonly stalledMs: number;
  readonly split: string;
}

async function oursRelay(
  dataSource: DataSource,
  kafka: Kafka,
  topic: string,
  batchSize: number,
  N: number,
): Promise<RelayResult> {
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

export interface RelayPhaseInput {
  readonly run: number;
  /** unique per run, in every topic name */
  readonly tag: string;
  readonly log: Schema;
  readonly kafka: Kafka;
  readonly relayBatches: readonly number[];
  readonly events: number;
  /** the run's topics, deleted at its end: every topic created here is added */
  readonly topics: string[];
}

/**
 * Phase 2: OutboxRelay against a raw producer for each batch size; returns the encoded log (for the JS
 * splits) and the topic the consume phase reads.
 */
export async function runRelayPhase(
  { run, tag, log, kafka, relayBatches, events: N, topics }: RelayPhaseInput,
  results: BenchResults,
): Promise<{ messages: Message[]; consumeTopic: string }> {
  const store = new EventStore(log.dataSource, PRODUCER, catalogContracts);
  progress(`  relay: reading and encoding the log for the raw producer`);
  const encodeStart = performance.now();
  const messages = await encodedLog(store);
  const encodeSeconds = (performance.now() - encodeStart) / 1000;
  if (messages.length !== N) throw new Error(`the log holds ${messages.length} events, expected ${N}`);
  results.record(
    'read-encode',
    'readLog + encodeEventMessage, whole log (info)',
    'events/s',
    N / encodeSeconds,
  );
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
  for (const batchSize of relayBatches) {
    const label = `relay, batch ${fmt(batchSize)}`;
    // first on topics as ensureTopics creates them (broker defaults, max.message.bytes 1 MiB); when a batch
    // is refused as too large, again on topics that accept 16 MiB record batches
    let result: { ours: RelayResult; raw: number } | undefined;
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
      let ours: RelayResult = { seconds: 0, stalledMs: 0, split: '' };
      let raw = 0;
      const measureOurs = async () =>
        (ours = await oursRelay(log.dataSource, kafka, oursTopic, batchSize, N));
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
        results.notes.add(
          `${label}: on a topic with the broker's default max.message.bytes (1 MiB) the first sendBatch is refused ` +
            `with MESSAGE_TOO_LARGE (${fmt(batchSize)} events of ~${fmt(messageBytes)} bytes over 6 partitions ` +
            `≈ ${fmt((batchSize / 6) * messageBytes)} bytes per partition); OutboxRelay's loop would retry that ` +
            `same batch forever. Measured again on topics created with max.message.bytes=16 MiB.`,
        );
        results.record(
          `relay-${batchSize}-refused`,
          `${label}: refused on a default topic (1 = yes)`,
          'count',
          1,
        );
        continue;
      }
      if (!raised)
        results.record(
          `relay-${batchSize}-refused`,
          `${label}: refused on a default topic (1 = yes)`,
          'count',
          0,
        );
      if (!consumeTopic) consumeTopic = oursTopic;
      result = { ours, raw };
      break;
    }
    const { ours, raw } = result as NonNullable<typeof result>;
    results.record(
      `relay-${batchSize}-ours`,
      `${label}: OutboxRelay.publishBatch`,
      'events/s',
      N / ours.seconds,
    );
    results.record(`relay-${batchSize}-raw`, `${label}: raw sendBatch (ceiling)`, 'events/s', N / raw);
    results.record(`relay-${batchSize}-ratio`, `${label}: ratio`, 'ratio', raw / ours.seconds);
    results.splits.push(`run ${run}, ${label}: ${ours.split}`);
  }
  return { messages, consumeTopic };
}
