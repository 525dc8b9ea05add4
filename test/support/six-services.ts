import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, TokenScope } from '@vl/auth';
import { SERVICES, startService, type RunningService, type ServiceName } from '@vl/local-stack';
import { freePort, TestSchema, TestTokens, testServiceEnvironment } from '@vl/testing';

export interface SixServices {
  readonly urls: Readonly<Record<ServiceName, string>>;
  readonly services: readonly RunningService[];
  /** each service's schema in the test database, for counting what its log holds */
  readonly schemas: Readonly<Record<ServiceName, string>>;
  /** the JWKS the services trust, for starting one more (a replay) beside them */
  readonly jwks: string;
  token(...roles: Role[]): Promise<string>;
  /** a person's token acting in a scope (a poll worker's or a commission's precincts), for all six services */
  scopedToken(scope: TokenScope, subject: string, ...roles: Role[]): Promise<string>;
  /** the tokens the services trust, for tokens with other claims (audience, lifetime) */
  readonly tokens: TestTokens;
  stop(): Promise<void>;
}

/** The six services as real processes on the test broker and database, each in a fresh schema. */
export async function startSixServices(
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<SixServices> {
  const tokens = await TestTokens.create(
    'system-test',
    SERVICES.map((service) => service.name),
  );
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
    schemas: Object.fromEntries(
      SERVICES.map((service, index) => [service.name, (schemas[index] as TestSchema).name]),
    ) as Record<ServiceName, string>,
    jwks: tokens.jwks,
    token: (...roles: Role[]) => tokens.mint(roles, 'system-test'),
    scopedToken: (scope: TokenScope, subject: string, ...roles: Role[]) => tokens.mint(roles, subject, scope),
    tokens,
    stop,
  };
}
