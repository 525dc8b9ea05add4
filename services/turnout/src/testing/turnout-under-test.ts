import type { INestApplication } from '@nestjs/common';
import { generateSigningKey, mintToken, type Role } from '@vl/auth';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { createServiceApp } from '@vl/service-kit';
import { TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TurnoutModule, type TurnoutOverrides } from '../app.module';
import type { Clock } from '@vl/clock';
import { DEFAULT_CHECK_IN_POLICY } from '../domain/check-in-policy';
import { turnout } from '../turnout.descriptor';

/** The server's clock in a test: it stands still until the test moves it. */
export class PollingDayClock implements Clock {
  private current: Date;

  constructor(instant: string) {
    this.current = new Date(instant);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface TurnoutUnderTest {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly clock: PollingDayClock;
  readonly dataSource: DataSource;
  readonly schema: TestSchema;
  token(role: Role, subject?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real turnout application in this process, on the test broker and its own schema and consumer group, with
 * polling day on a clock the test controls; HTTP goes through supertest.
 */
export async function startTurnout(
  clock: PollingDayClock,
  overrides: Omit<TurnoutOverrides, 'clock'> & { readonly schema?: TestSchema } = {},
): Promise<TurnoutUnderTest> {
  // a restart: another turnout process on the schema (and consumer group) of one that stopped
  const { schema: restartOn, ...turnoutOverrides } = overrides;
  const schema = restartOn ?? (await TestSchema.create('turnout'));
  const key = await generateSigningKey('turnout-test');
  const { app } = await createServiceApp(
    turnout,
    (config) =>
      TurnoutModule.register(config, { policy: DEFAULT_CHECK_IN_POLICY, ...turnoutOverrides, clock }),
    {
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema.name,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CONSUMER_GROUP: schema.name,
      AUTH_JWKS: JSON.stringify(key.publicJwks),
      LOG_LEVEL: 'silent',
      LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
      CHECKPOINT_EVERY_SECONDS: '1',
    },
  );
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    dataSource: app.get(DataSource),
    schema,
    token: (role, subject = `${role}-subject`) =>
      mintToken(key.privateJwk, {
        subject,
        roles: [role],
        issuer: 'voting-ledger',
        audience: 'voting-ledger',
      }),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}

/** Polls until the probe returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
