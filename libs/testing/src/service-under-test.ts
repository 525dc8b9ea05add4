import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Role, TokenScope } from '@vl/auth';
import { createServiceApp, type AppModuleFactory, type ServiceDescriptor } from '@vl/service-kit';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testServiceEnvironment } from './service-environment';
import { TestSchema } from './test-database';
import { TestTokens } from './test-tokens';

export interface ServiceUnderTestOptions {
  readonly descriptor: ServiceDescriptor;
  readonly module: AppModuleFactory;
  /** more environment, or values that win over the test defaults */
  readonly env?: Readonly<Record<string, string>>;
  /** a restart: the schema (and consumer group) of an instance that stopped; a fresh schema otherwise */
  readonly schema?: TestSchema;
  /** the key tokens are signed with (a test that rotates keys brings its own); a fresh one otherwise */
  readonly tokens?: TestTokens;
  /** the roles `request` sends when a call names none */
  readonly defaultRoles?: readonly Role[];
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface RequestOptions {
  readonly roles?: readonly Role[];
  /** where the caller's token acts (a precinct, a territory); national when omitted for national roles */
  readonly scope?: TokenScope;
  /** the token's subject; test-<roles> when omitted */
  readonly subject?: string;
  readonly json?: unknown;
  readonly csv?: string;
  readonly contentType?: string;
}

/** A real service in this process: HTTP on a free port, its own schema, the test broker. */
export interface ServiceUnderTest {
  readonly app: INestApplication;
  readonly url: string;
  /** supertest on the app's server, for tests that assert on headers and streams */
  readonly http: ReturnType<typeof request>;
  readonly dataSource: DataSource;
  readonly schema: TestSchema;
  token(roles: Role | readonly Role[], subject?: string, scope?: TokenScope): Promise<string>;
  /** the tokens this service trusts, for tokens with other claims (audience, lifetime) */
  readonly tokens: TestTokens;
  /** one call with a bearer token for the given roles (or the default ones), the JSON answer parsed */
  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options?: RequestOptions): Promise<Answer>;
  /** how many events of each type the log holds */
  eventCounts(): Promise<Record<string, number>>;
  /** resolves once the relay has published every event the log holds now */
  relayed(timeoutMs?: number): Promise<void>;
  /** stops the app and drops its schema */
  close(): Promise<void>;
}

/** Boots a service's Nest application against the suite's fresh schema and the test broker. */
export async function startServiceUnderTest(options: ServiceUnderTestOptions): Promise<ServiceUnderTest> {
  const schema = options.schema ?? (await TestSchema.create(options.descriptor.name));
  const tokens =
    options.tokens ??
    (await TestTokens.create(
      `${options.descriptor.name}-test`,
      options.env?.['AUTH_AUDIENCE'] ?? options.descriptor.name,
    ));
  let app: INestApplication | undefined;
  try {
    ({ app } = await createServiceApp(options.descriptor, options.module, {
      ...testServiceEnvironment(schema, tokens.jwks),
      ...options.env,
    }));
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    await schema.drop();
    throw error;
  }
  const running = app;
  const { port } = running.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const dataSource = running.get(DataSource);
  const token = (roles: Role | readonly Role[], subject?: string, scope?: TokenScope) =>
    tokens.mint(roles, subject, scope);
  return {
    app: running,
    url,
    http: request(running.getHttpServer()),
    dataSource,
    schema,
    token,
    tokens,
    async request(method, path, { roles, scope, subject, json, csv, contentType } = {}) {
      const given = roles ?? options.defaultRoles;
      if (!given) throw new Error(`${method} ${path}: name the caller's roles (or start with defaultRoles)`);
      const headers: Record<string, string> = {
        authorization: `Bearer ${await token(given, subject, scope)}`,
      };
      let body: string | undefined;
      if (json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(json);
      } else if (csv !== undefined) {
        headers['content-type'] = contentType ?? 'text/csv';
        body = csv;
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('json') ?? false;
      return {
        status: response.status,
        body: text === '' ? null : isJson ? (JSON.parse(text) as unknown) : text,
      };
    },
    async eventCounts() {
      const rows: { type: string; count: number }[] = await dataSource.query(
        'select type, count(*)::int as count from events group by type',
      );
      return Object.fromEntries(rows.map((row) => [row.type, row.count]));
    },
    async relayed(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = (await dataSource.query(
          `select (select count(*) from events)::int as logged,
                  coalesce((select sum(published) from relay_positions), 0)::int as published`,
        )) as { logged: number; published: number }[];
        if (row && row.published >= row.logged) return;
        if (Date.now() > deadline)
          throw new Error(`the relay published ${row?.published} of ${row?.logged} events`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await running.close();
      await schema.drop();
    },
  };
}
