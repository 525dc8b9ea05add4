import { testDatabaseUrl } from '@vl/testing';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DrillAdvanceRefused, DrillClockStore } from './drill-clock-store';
import { SharedDrillClock } from './shared-drill-clock';

const until = async (probe: () => boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`${what} not seen within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the shared drill clock on PostgreSQL', () => {
  const schema = `drill_clock_${randomBytes(4).toString('hex')}`;
  let pool: Pool;
  let store: DrillClockStore;
  const opened: SharedDrillClock[] = [];
  // each reader stands for a service process: its own pool, its own view of the table
  const reader = async (refreshMs = 50) => {
    const readerPool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    const clock = await SharedDrillClock.open(new DrillClockStore(readerPool, schema), { refreshMs });
    opened.push(clock);
    pools.push(readerPool);
    return clock;
  };
  const pools: Pool[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    store = new DrillClockStore(pool, schema);
    await store.install();
    await store.start(new Date('2027-11-28T00:30:00Z'), 300);
  });
  afterAll(async () => {
    for (const clock of opened) clock.close();
    await Promise.all(pools.map((readerPool) => readerPool.end()));
    await pool?.query(`drop schema if exists "${schema}" cascade`);
    await pool?.end();
  });

  it('given two readers on the same database, when read at the same moment, then they tell the same drill time', async () => {
    const [first, second] = await Promise.all([reader(), reader()]);
    const a = (first as SharedDrillClock).now().getTime();
    const b = (second as SharedDrillClock).now().getTime();
    // read one after the other: apart by at most the real time between the two calls, times 300
    expect(Math.abs(a - b)).toBeLessThan(300 * 50);
    expect(a).toBeGreaterThanOrEqual(Date.parse('2027-11-28T00:30:00Z'));
  });

  it('given a reader created later (a restart), when read, then it continues where the drill is, not from the start', async () => {
    const running = await reader();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seenBefore = running.now().getTime();
    const restarted = await reader();
    // 200 ms of real time is a minute of drill time: a restart must not go back to the start instant
    expect(restarted.now().getTime()).toBeGreaterThanOrEqual(seenBefore);
    expect(restarted.now().getTime()).toBeGreaterThan(Date.parse('2027-11-28T00:30:00Z') + 50_000);
  });

  it('given an advance of five years, when written, then every reader shows it within its refresh', async () => {
    const [first, second] = await Promise.all([reader(), reader()]);
    const before = first.now().getTime();
    const epoch = await store.advance({ by: 'P5Y' }, 'test: five years on');
    expect(epoch.drillAtMs).toBeGreaterThanOrEqual(before + 5 * 365 * 86_400_000);
    await until(() => first.now().getTime() >= epoch.drillAtMs, 'the advance in the first reader');
    await until(() => second.now().getTime() >= epoch.drillAtMs, 'the advance in the second reader');
    const late = await reader();
    expect(late.now().getTime()).toBeGreaterThanOrEqual(epoch.drillAtMs);
  });

  it('given two advances at once, when both are written, then both count', async () => {
    const before = (await store.current())?.drillAtMs as number;
    const [a, b] = await Promise.all([
      store.advance({ by: 'P10D' }, 'test: a'),
      store.advance({ by: 'P10D' }, 'test: b'),
    ]);
    expect(Math.max(a.drillAtMs, b.drillAtMs)).toBeGreaterThanOrEqual(before + 20 * 86_400_000);
  });

  it('given an instant behind the drill clock, when advanced to it, then it is refused and nothing is written', async () => {
    const before = await store.current();
    await expect(store.advance({ to: '2027-11-28T00:00:00Z' }, 'test: back')).rejects.toThrow(
      DrillAdvanceRefused,
    );
    expect(await store.current()).toEqual(before);
  });

  it('given a row written behind the drill directly, when inserted, then the database refuses it', async () => {
    const current = await store.current();
    await expect(
      pool.query(
        `insert into "${schema}".epochs (drill_id, drill_at, real_at, speed, reason) values ($1, $2, clock_timestamp(), 300, 'back')`,
        [current?.drillId, new Date('2027-11-28T00:00:00Z')],
      ),
    ).rejects.toThrow(/never goes back/);
  });
});
