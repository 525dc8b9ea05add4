import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, mintToken, type Role, type SigningKey } from '@vl/auth';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { SERVICES, startService, type RunningService, type ServiceName } from '@vl/local-stack';
import { freePort, TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';

export interface SixServices {
  readonly urls: Readonly<Record<ServiceName, string>>;
  readonly services: readonly RunningService[];
  /** the JWKS the services trust, for starting one more (a replay) beside them */
  readonly jwks: string;
  token(...roles: Role[]): Promise<string>;
  stop(): Promise<void>;
}

/** The six services as real processes on the test broker and database, each in a fresh schema. */
export async function startSixServices(
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<SixServices> {
  const key: SigningKey = await generateSigningKey('system-test');
  const logDir = mkdtempSync(join(tmpdir(), 'vl-system-logs-'));
  const schemas = await Promise.all(SERVICES.map((service) => TestSchema.create(service.name)));
  const started = await Promise.allSettled(
    SERVICES.map(async (service, index) =>
      startService(
        service.name,
        {
          PORT: String(await freePort()),
          DATABASE_URL: testDatabaseUrl(),
          DATABASE_SCHEMA: (schemas[index] as TestSchema).name,
          // stacks of parallel suites share the broker: each consumes in its own group
          KAFKA_CONSUMER_GROUP: (schemas[index] as TestSchema).name,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          AUTH_JWKS: JSON.stringify(key.publicJwks),
          LOG_LEVEL: 'warn',
          LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
          CHECKPOINT_EVERY_SECONDS: '1',
          ...options.env,
        },
        logDir,
      ),
    ),
  );
  const services = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await Promise.all(schemas.map((schema) => schema.drop()));
  };
  const failed = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  if (failed.length > 0) {
    await stop();
    throw new Error(failed.join('\n'));
  }
  return {
    urls: Object.fromEntries(services.map((service) => [service.name, service.url])) as Record<
      ServiceName,
      string
    >,
    services,
    jwks: JSON.stringify(key.publicJwks),
    token: (...roles) =>
      mintToken(key.privateJwk, {
        subject: 'system-test',
        roles,
        issuer: 'voting-ledger',
        audience: 'voting-ledger',
      }),
    stop,
  };
}
