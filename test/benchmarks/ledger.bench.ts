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
 * The phases, their ceilings and the report live in ./ledger/; helpers shared by the benches in ./support/.
 */
import { resolveTestInfrastructure, type TestInfrastructure } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { fmt } from './support/format';
import { liveHeapMb, peakRssMb } from './support/memory';
import { runAppendPhase } from './ledger/append-phase';
import { appendVariants } from './ledger/append-variants';
import { parseBenchOptions } from './ledger/bench-options';
import { BenchResults } from './ledger/bench-results';
import { makeRows } from './ledger/bench-rows';
import { cleanUpAll, cleanUpOnSignals, onCleanup, wasInterrupted } from './ledger/cleanup';
import { runConsumePhase } from './ledger/consume-phase';
import { runSplits } from './ledger/cpu-splits';
import { elapsedSeconds, progress } from './ledger/progress';
import { runRelayPhase } from './ledger/relay-phase';
import { printPreamble, printReport } from './ledger/report';
import { runTopics } from './ledger/run-topics';
import { versionCheckPlans } from './ledger/version-check-plans';

const options = parseBenchOptions();
const N = options.events;
const APPEND_VARIANTS = appendVariants(options.appendBatches);

async function main(): Promise<void> {
  const results = new BenchResults();

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
  printPreamble(infrastructure, options);
  const heapBefore = process.memoryUsage().heapUsed;
  const rows = makeRows(N);
  console.log(
    `the benchmark's own rows hold ~${fmt((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20)} MB of heap; ` +
      `the encoded messages for the raw producer add about as much per run`,
  );

  for (let run = 1; run <= options.runs; run++) {
    progress(`run ${run}/${options.runs}`);
    const tag = `${Date.now().toString(36)}-${run}`;
    const { topics, deleteTopics } = runTopics(kafka, run);

    const log = await runAppendPhase(run, rows, APPEND_VARIANTS, results);
    const { messages, consumeTopic } = await runRelayPhase(
      { run, tag, log, kafka, relayBatches: options.relayBatches, events: N, topics },
      results,
    );
    results.splits.push(
      `run ${run}, ${await versionCheckPlans(log.dataSource, options.appendBatches[0] as number, N)}`,
    );
    await log.drop();
    results.record('rss-relay', 'peak RSS after append + relay', 'MB', peakRssMb());
    await runConsumePhase(run, kafka, consumeTopic, N, results);
    await runSplits(run, rows, messages, results);

    await deleteTopics();
    results.record('rss', 'peak RSS after consume and splits (whole run)', 'MB', peakRssMb());
    results.record(
      'heap',
      "live heap after a full GC at the run's end (incl. the benchmark's data)",
      'MB',
      liveHeapMb(),
    );
    progress(`  run ${run} done`);
  }

  printReport(results, options, APPEND_VARIANTS, elapsedSeconds());
}

cleanUpOnSignals();

main()
  .catch((error: unknown) => {
    if (wasInterrupted()) return; // the cleanup pulled connections from under the running phase
    // the stack only: a failed query's error object carries its 200,000-row parameters
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (wasInterrupted()) return;
    progress('cleaning up (schemas, topics, broker)');
    await cleanUpAll();
    progress('done');
    // kafkajs and pg leave no work behind after cleanup; exit explicitly so a stray timer cannot hold us
    process.exit();
  });
