import type { INestApplication } from '@nestjs/common';
import { generateSigningKey, mintToken, type Role } from '@vl/auth';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { createServiceApp } from '@vl/service-kit';
import { TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { VoterRollModule } from '../app.module';
import { voterRoll } from '../voter-roll.descriptor';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export interface RequestOptions {
  readonly roles?: readonly Role[];
  readonly json?: unknown;
  readonly csv?: string;
  readonly contentType?: string;
}

/** The real voter-roll service in this process: HTTP on a free port, its own schema, the test broker. */
export interface VoterRollTestApp {
  readonly url: string;
  readonly dataSource: DataSource;
  readonly schema: TestSchema;
  readonly kafka: Kafka;
  request(method: 'GET' | 'POST', path: string, options?: RequestOptions): Promise<Answer>;
  /** how many events of each type the log holds */
  eventCounts(): Promise<Record<string, number>>;
  /** resolves once the relay has published every event the log holds now */
  relayed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startVoterRoll(): Promise<VoterRollTestApp> {
  const schema = await TestSchema.create('voter_roll');
  const key = await generateSigningKey('voter-roll-test');
  let app: INestApplication | undefined;
  try {
    ({ app } = await createServiceApp(voterRoll, (config) => VoterRollModule.register(config), {
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema.name,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: schema.name,
      AUTH_JWKS: JSON.stringify(key.publicJwks),
      LOG_LEVEL: 'silent',
      LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
    }));
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    await schema.drop();
    throw error;
  }
  const running = app;
  const url = (await running.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = running.get(DataSource);
  const token = (roles: readonly Role[]) =>
    mintToken(key.privateJwk, {
      subject: `test-${roles.join('+')}`,
      roles,
      issuer: 'voting-ledger',
      audience: 'voting-ledger',
    });
  return {
    url,
    dataSource,
    schema,
    kafka: new Kafka({ clientId: schema.name, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }),
    async request(method, path, options = {}) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await token(options.roles ?? ['cec-operator'])}`,
      };
      let body: string | undefined;
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.csv !== undefined) {
        headers['content-type'] = options.contentType ?? 'text/csv';
        body = options.csv;
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
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
