import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { electionCalled } from '@vl/contracts';
import { EventHandlers, InboxConsumer, MessagingTables1763860000001, parseEventMessage } from '@vl/messaging';
import type { Kafka } from 'kafkajs';
import { fmt } from '../support/format';
import { sleep } from '../support/sleep';
import type { BenchResults } from './bench-results';
import { countRows, freshSchema } from './bench-schema';
import { onCleanup } from './cleanup';
import { progress } from './progress';
import { SqlTimer } from './sql-timer';

interface ConsumeResult {
  readonly seconds: number;
  readonly firstMs: number;
}

type OursConsumeResult = ConsumeResult & { handled: number; split: string };

async function oursConsume(kafka: Kafka, topic: string, run: number, N: number): Promise<OursConsumeResult> {
  const consumerSchema = await freshSchema(`bench_ledger_r${run}_consumer`, [MessagingTables1763860000001]);
  const { dataSource } = consumerSchema;
  await dataSource.query('create table effects (event_id uuid not null, election_id uuid not null)');
  let handled = 0;
  const timer = new SqlTimer();
  const inbox = new InboxConsumer(timer.wrap(dataSource), kafka, {
    groupId: `bench-inbox-${randomBytes(4).toString('hex')}`,
    topics: [topic],
    parse: parseEventMessage,
    handlers: new EventHandlers()
      .on(electionCalled, async (event, tx) => {
        await tx.query('insert into effects (event_id, election_id) values ($1, $2)', [
          event.eventId,
          event.payload.electionId,
        ]);
        handled++;
      })
      // a clean Kafka batch is applied in runs: one multi-row effects insert per run, as real projections do
      .onBatch(electionCalled, async (events, tx) => {
        await tx.query(
          'insert into effects (event_id, election_id) select * from unnest($1::uuid[], $2::uuid[])',
          [events.map((event) => event.eventId), events.map((event) => event.payload.electionId)],
        );
        handled += events.length;
      }),
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

/** The consume ceiling: a kafkajs consumer that only counts the topic's messages. */
async function rawConsume(kafka: Kafka, topic: string, N: number): Promise<ConsumeResult> {
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

/** Phase 3: InboxConsumer against a counting kafkajs consumer, both reading the relay's topic from the start. */
export async function runConsumePhase(
  run: number,
  kafka: Kafka,
  consumeTopic: string,
  N: number,
  results: BenchResults,
): Promise<void> {
  progress(`  consume: raw kafkajs consumer and InboxConsumer on ${consumeTopic}`);
  let ours: OursConsumeResult = { seconds: 0, firstMs: 0, handled: 0, split: '' };
  let raw: ConsumeResult = { seconds: 0, firstMs: 0 };
  if (run % 2 === 1) {
    raw = await rawConsume(kafka, consumeTopic, N);
    ours = await oursConsume(kafka, consumeTopic, run, N);
  } else {
    ours = await oursConsume(kafka, consumeTopic, run, N);
    raw = await rawConsume(kafka, consumeTopic, N);
  }
  results.record(
    'consume-ours',
    'consume: InboxConsumer, start to N inbox rows',
    'events/s',
    N / ours.seconds,
  );
  results.record('consume-raw', 'consume: raw kafkajs eachBatch (ceiling)', 'events/s', N / raw.seconds);
  results.record('consume-ratio', 'consume: ratio', 'ratio', raw.seconds / ours.seconds);
  results.record('consume-ours-first', 'consume: InboxConsumer, start to first event', 'ms', ours.firstMs);
  results.record('consume-raw-first', 'consume: raw, start to first batch', 'ms', raw.firstMs);
  results.splits.push(`run ${run}, consume (InboxConsumer): ${ours.split}`);
  if (ours.handled !== N)
    results.splits.push(`run ${run}, consume: the handler ran ${ours.handled} times for ${N}`);
}
