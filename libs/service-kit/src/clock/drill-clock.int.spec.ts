import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { DRILL_MODE_CONFIRMATION, DrillClockStore } from '@vl/clock';
import { TestSchema, TestTokens, testDatabaseUrl, testServiceEnvironment } from '@vl/testing';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { createServiceApp } from '../bootstrap';
import { DependencyUnavailable } from '../dependency-checks';
import type { ServiceConfig } from '../service-config';
import { ServiceKitModule } from '../service-kit.module';

const excuses = { name: 'excuses', defaultPort: 3003 } as const;

@Module({})
class PlatformOnly {
  static register(config: ServiceConfig): DynamicModule {
    return { module: PlatformOnly, imports: [ServiceKitModule.forService({ descriptor: excuses, config })] };
  }
}

const YEAR_MS = 365 * 86_400_000;

describe('a service on the shared drill clock', () => {
  const drillSchema = `drill_clock_${randomBytes(4).toString('hex')}`;
  let pool: Pool;
  let schema: TestSchema;
  let tokens: TestTokens;
  const apps: INestApplication[] = [];
  const start = async (env: Record<string, string>) => {
    const { app } = await createServiceApp(excuses, (config) => PlatformOnly.register(config), {
      ...testServiceEnvironment(schema, tokens.jwks),
      ...env,
    });
    await app.init();
    apps.push(app);
    return app;
  };
  const onDrill = { CLOCK: 'drill', DRILL_MODE: DRILL_MODE_CONFIRMATION, DRILL_CLOCK_SCHEMA: drillSchema };
  const drillNow = async (app: INestApplication) => {
    const answer = await request(app.getHttpServer())
      .get('/drill-clock')
      .set('Authorization', `Bearer ${await tokens.mint('cec-operator')}`);
    expect(answer.status).toBe(200);
    return Date.parse((answer.body as { now: string }).now);
  };

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    schema = await TestSchema.create('drill_clock_service');
    tokens = await TestTokens.create('drill-clock-test', excuses.name);
    const store = new DrillClockStore(pool, drillSchema);
    await store.install();
    await store.start(new Date('2027-11-28T00:30:00Z'), 300);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await schema?.drop();
    await pool?.query(`drop schema if exists "${drillSchema}" cascade`);
    await pool?.end();
  });

  it('given CLOCK=drill, when the service runs, then /metrics says so and the clock reads the drill', async () => {
    const app = await start(onDrill);
    const metrics = await request(app.getHttpServer()).get('/metrics');
    expect(metrics.text).toMatch(/^ledger_clock_info\{kind="drill"[^}]*\} 1$/m);
    expect(metrics.text).toMatch(/^ledger_clock_info\{kind="system"[^}]*\} 0$/m);
    const seconds = /^ledger_clock_seconds(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(metrics.text);
    expect(Number(seconds?.[1]) * 1000).toBeGreaterThanOrEqual(Date.parse('2027-11-28T00:30:00Z'));
    expect(Number(seconds?.[1]) * 1000).toBeLessThan(Date.parse('2027-12-28T00:00:00Z'));
  });

  it('given a CEC operator, when the drill clock is advanced five years over HTTP, then it reads five years on; another role is refused', async () => {
    const app = apps[0] as INestApplication;
    const before = await drillNow(app);
    const refused = await request(app.getHttpServer())
      .post('/drill-clock/advance')
      .set('Authorization', `Bearer ${await tokens.mint('poll-worker')}`)
      .send({ by: 'P5Y' });
    expect(refused.status).toBe(403);
    const answer = await request(app.getHttpServer())
      .post('/drill-clock/advance')
      .set('Authorization', `Bearer ${await tokens.mint('cec-operator')}`)
      .send({ by: 'P5Y' });
    expect(answer.status).toBe(200);
    expect(await drillNow(app)).toBeGreaterThanOrEqual(before + 5 * YEAR_MS);
  });

  it('given a bad advance, when posted, then a 4xx names the field and the clock stays', async () => {
    const app = apps[0] as INestApplication;
    const token = await tokens.mint('cec-operator');
    const malformed = await request(app.getHttpServer())
      .post('/drill-clock/advance')
      .set('Authorization', `Bearer ${token}`)
      .send({ to: 'yesterday' });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { message: string }).message).toMatch(/^to: /);
    const back = await request(app.getHttpServer())
      .post('/drill-clock/advance')
      .set('Authorization', `Bearer ${token}`)
      .send({ to: '2027-11-28T00:00:00Z' });
    expect(back.status).toBe(422);
    expect((back.body as { message: string }).message).toMatch(/never goes back/);
  });

  it('given a service started again during the drill, when it reads the clock, then it continues where the drill is', async () => {
    const running = await drillNow(apps[0] as INestApplication);
    const restarted = await start(onDrill);
    expect(await drillNow(restarted)).toBeGreaterThanOrEqual(running);
    expect(running).toBeGreaterThan(Date.parse('2032-11-28T00:00:00Z'));
  });

  it('given no drill has started in the schema, when a service starts on CLOCK=drill, then start-up fails with one line', async () => {
    const start = createServiceApp(excuses, (config) => PlatformOnly.register(config), {
      ...testServiceEnvironment(schema, tokens.jwks),
      ...onDrill,
      DRILL_CLOCK_SCHEMA: `${drillSchema}_none`,
    });
    await expect(start).rejects.toThrow(DependencyUnavailable);
    await expect(start).rejects.toThrow(
      `CLOCK=drill: no drill clock has started in schema ${drillSchema}_none`,
    );
  });

  it('given the system clock, when the drill clock is asked for, then it is not there', async () => {
    const app = await start({});
    const answer = await request(app.getHttpServer())
      .post('/drill-clock/advance')
      .set('Authorization', `Bearer ${await tokens.mint('cec-operator')}`)
      .send({ by: 'P5Y' });
    expect(answer.status).toBe(404);
    const metrics = await request(app.getHttpServer()).get('/metrics');
    expect(metrics.text).toMatch(/^ledger_clock_info\{kind="system"[^}]*\} 1$/m);
  });
});
