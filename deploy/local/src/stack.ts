import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  cacheDir,
  ensureDatabase,
  ensureLocalPostgres,
  ensureServiceSchemas,
  LOCAL_ADMIN_URL,
  localLedgerKey,
  startKafkaBroker,
  type RunningBroker,
} from '@vl/local-infra';
import { localSigningKey, LOCAL_ISSUER } from './auth-keys';
import { DRILL_CLOCK_ENVIRONMENT, startDrillClock } from './drill-clock';
import { startService, type RunningService } from './service-process';
import { schemaOf, SERVICES } from './services';

export interface StackOptions {
  readonly fresh: boolean;
  readonly log: (line: string) => void;
  /** more environment for every service */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** a drill: every service runs on the shared drill clock, started at this instant and speed */
  readonly drillClock?: { readonly startsAt: Date; readonly speed: number };
}

export interface RunningStack {
  readonly broker: RunningBroker;
  readonly services: readonly RunningService[];
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

export interface Infrastructure {
  readonly broker: RunningBroker;
  readonly serviceDatabaseUrls: ReadonlyMap<string, string>;
  readonly databaseUrl: string;
}

/** Kafka from Maven Central's jars and PostgreSQL (DATABASE_URL, else the local server). */
export async function startInfrastructure({ fresh, log }: StackOptions): Promise<Infrastructure> {
  const dataDir = join(cacheDir(), 'stack', 'kafka');
  const externalUrl = process.env['DATABASE_URL'];
  const adminUrl = externalUrl ?? LOCAL_ADMIN_URL;
  if (!externalUrl) await ensureLocalPostgres(adminUrl, log);
  const databaseUrl = externalUrl ?? (await ensureDatabase(adminUrl, 'voting_ledger'));
  if (fresh) {
    rmSync(dataDir, { recursive: true, force: true });
    await dropServiceSchemas(databaseUrl);
  }
  const serviceDatabaseUrls = externalUrl
    ? new Map(SERVICES.map((service) => [schemaOf(service.name), externalUrl]))
    : await ensureServiceSchemas(
        databaseUrl,
        SERVICES.map((service) => schemaOf(service.name)),
      );
  log('starting Kafka (single-node KRaft) on 127.0.0.1:9092');
  const broker = await startKafkaBroker({ dataDir, port: 9092, controllerPort: 9093, heapMb: 768, log });
  return { broker, serviceDatabaseUrls, databaseUrl };
}

async function dropServiceSchemas(databaseUrl: string) {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const service of SERVICES)
      await client.query(`drop schema if exists "${schemaOf(service.name)}" cascade`);
  } finally {
    await client.end();
  }
}

/** The whole stack: infrastructure, then the six services in parallel, each healthy before this returns. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const infra = await startInfrastructure(options);
  const logDir = join(cacheDir(), 'stack', 'logs');
  mkdirSync(logDir, { recursive: true });
  const key = await localSigningKey();
  if (options.drillClock) {
    const roles = [
      ...new Set(
        [...infra.serviceDatabaseUrls.values()].map((url) => decodeURIComponent(new URL(url).username)),
      ),
    ];
    const epoch = await startDrillClock(infra.databaseUrl, options.drillClock, roles);
    options.log(
      `drill clock: ${new Date(epoch.drillAtMs).toISOString()} at ${epoch.speed}x, shared by every service (schema drill_clock)`,
    );
  }
  const started = await Promise.allSettled(
    SERVICES.map((service) =>
      startService(
        service.name,
        {
          PORT: String(service.port),
          DATABASE_URL: infra.serviceDatabaseUrls.get(schemaOf(service.name)) ?? infra.databaseUrl,
          KAFKA_BROKERS: infra.broker.brokers,
          AUTH_JWKS: JSON.stringify(key.publicJwks),
          AUTH_ISSUER: LOCAL_ISSUER,
          LEDGER_SIGNING_KEY: localLedgerKey(service.name),
          ...(options.drillClock ? DRILL_CLOCK_ENVIRONMENT : {}),
          ...options.serviceEnv,
        },
        logDir,
      ),
    ),
  );
  const services = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await infra.broker.stop();
  };
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  if (failures.length > 0) {
    await stop();
    throw new Error(failures.join('\n'));
  }
  return { broker: infra.broker, services, databaseUrl: infra.databaseUrl, stop };
}
