import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, ensureLocalPostgres, LOCAL_ADMIN_URL, startKafkaBroker } from '@vl/local-infra';
import { freePort } from './free-port';

export interface TestInfrastructure {
  readonly kafkaBrokers: string;
  readonly databaseUrl: string;
  readonly source: string;
  stop(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`[test infrastructure] ${line}\n`);

/**
 * Real Kafka and PostgreSQL for integration tests, in this order: KAFKA_BROKERS / DATABASE_URL when
 * set; else testcontainers when a container runtime answers; else the local launcher.
 */
export async function resolveTestInfrastructure(): Promise<TestInfrastructure> {
  const givenKafka = process.env['KAFKA_BROKERS'];
  const givenDatabase = process.env['DATABASE_URL'];
  if (givenKafka && givenDatabase) {
    return {
      kafkaBrokers: givenKafka,
      databaseUrl: givenDatabase,
      source: 'environment',
      stop: async () => undefined,
    };
  }
  const containers = await fromTestcontainers(givenKafka, givenDatabase);
  if (containers) return containers;
  return fromLocalLauncher(givenKafka, givenDatabase);
}

async function fromTestcontainers(
  givenKafka?: string,
  givenDatabase?: string,
): Promise<TestInfrastructure | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    log('no container runtime answers: using the local launcher');
    return undefined;
  }
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const kafka = givenKafka ? undefined : await new KafkaContainer('apache/kafka:4.4.0').withKraft().start();
  const postgres = givenDatabase ? undefined : await new PostgreSqlContainer('postgres:17').start();
  log('started Kafka and PostgreSQL with testcontainers');
  return {
    kafkaBrokers: givenKafka ?? `${kafka?.getHost()}:${kafka?.getMappedPort(9093)}`,
    databaseUrl: givenDatabase ?? postgres?.getConnectionUri() ?? '',
    source: 'testcontainers',
    stop: async () => {
      await kafka?.stop();
      await postgres?.stop();
    },
  };
}

async function fromLocalLauncher(givenKafka?: string, givenDatabase?: string): Promise<TestInfrastructure> {
  let databaseUrl = givenDatabase;
  if (!databaseUrl) {
    await ensureLocalPostgres(LOCAL_ADMIN_URL, log);
    databaseUrl = await ensureDatabase(LOCAL_ADMIN_URL, 'voting_ledger_test');
  }
  if (givenKafka)
    return {
      kafkaBrokers: givenKafka,
      databaseUrl,
      source: 'environment + local PostgreSQL',
      stop: async () => undefined,
    };
  const dataDir = mkdtempSync(join(tmpdir(), 'vl-test-kafka-'));
  const started = Date.now();
  const broker = await startKafkaBroker({
    dataDir,
    port: await freePort(),
    controllerPort: await freePort(),
    heapMb: 512,
    log,
  });
  log(`Kafka broker from the local launcher answers at ${broker.brokers} after ${Date.now() - started} ms`);
  return {
    kafkaBrokers: broker.brokers,
    databaseUrl,
    source: 'local launcher',
    stop: async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
