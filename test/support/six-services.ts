import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@vl/auth';
import { SERVICES, startService, type RunningService, type ServiceName } from '@vl/local-stack';
import { freePort, TestSchema, TestTokens, testServiceEnvironment } from '@vl/testing';

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
  const tokens = await TestTokens.create('system-test');
  const logDir = mkdtempSync(join(tmpdir(), 'vl-system-logs-'));
  const schemas = await Promise.all(SERVICES.map((service) => TestSchema.create(service.name)));
  const started = await Promise.allSettled(
    SERVICES.map(async (service, index) =>
      startService(
        service.name,
        {
          ...testServiceEnvironment(schemas[index] as TestSchema, tokens.jwks),
          PORT: String(await freePort()),
          LOG_LEVEL: 'warn',
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
    jwks: tokens.jwks,
    token: (...roles: Role[]) => tokens.mint(roles, 'system-test'),
    stop,
  };
}
