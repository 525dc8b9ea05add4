import { z } from 'zod';
import { DeadlineHandlers } from './deadline-handlers';
import { deadlineKind, type DeadlineKind } from './deadline-kind';
import { DeadlineRunner } from './deadline-runner';
import { Deadlines } from './deadlines';
import { appendFiredEvent, deadlineSchema, firedEvents, TestClock } from './testing/deadline-fixture';

const keyed = z.object({ order: z.number().int() });
const START = Date.parse('2030-11-24T15:00:00Z');
const at = (offsetMs: number) => new Date(START + offsetMs);

const until = async (probe: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Each key's events: exactly once means one each. */
const countsByKey = (events: readonly { key: string }[]) => {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.key, (counts.get(event.key) ?? 0) + 1);
  return counts;
};

describe('the deadline runner fires each deadline once after its time', () => {
  let service: Awaited<ReturnType<typeof deadlineSchema>>;
  const deadlines = new Deadlines();
  const schedule = (
    kind: DeadlineKind<{ order: number }>,
    prefix: string,
    count: number,
    spacingMs: number,
  ) =>
    service.dataSource.transaction((tx) =>
      deadlines.scheduleMany(
        tx,
        kind,
        // scheduled in reverse so that due order is not insertion order
        Array.from({ length: count }, (_, index) => count - 1 - index).map((order) => ({
          key: `${prefix}${String(order).padStart(6, '0')}`,
          dueAt: at((order + 1) * spacingMs),
          payload: { order },
        })),
      ),
    );
  const firingHandlers = (kind: DeadlineKind<{ order: number }>) =>
    new DeadlineHandlers().on(kind, (deadline, tx) => appendFiredEvent(service.store, deadline.key, tx));

  beforeAll(async () => {
    service = await deadlineSchema('deadlines_runner');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('given deadlines, when the runner stops and a new one starts (a restart), then each fires exactly once, after its time', async () => {
    const kind = deadlineKind('test.restart', keyed);
    await schedule(kind, 'restart-', 40, 60_000);
    const clock = new TestClock(at(0));
    const first = new DeadlineRunner(service.dataSource, clock, firingHandlers(kind), { pollIntervalMs: 20 });
    expect(await first.fireDue()).toBe(0);
    clock.set(at(20 * 60_000).toISOString());
    first.start();
    await until(async () => (await firedEvents(service.dataSource, 'restart-')).length >= 20, 'the first 20');
    await first.stop();
    const second = new DeadlineRunner(service.dataSource, clock, firingHandlers(kind), {
      pollIntervalMs: 20,
    });
    second.start();
    // nothing more is due: the restarted runner must not fire the first 20 again
    expect(await second.fireDue()).toBe(0);
    clock.set(at(40 * 60_000).toISOString());
    await until(async () => (await firedEvents(service.dataSource, 'restart-')).length >= 40, 'all 40');
    await second.stop();
    const counts = countsByKey(await firedEvents(service.dataSource, 'restart-'));
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('given a handler that fails after appending (a crash before the firing is recorded), when fired, then nothing is recorded and it fires again later; other kinds are not held up', async () => {
    const flaky = deadlineKind('test.flaky', keyed);
    const steady = deadlineKind('test.steady', keyed);
    await schedule(flaky, 'flaky-', 1, 1_000);
    await schedule(steady, 'steady-', 3, 1_000);
    let failures = 1;
    const handlers = new DeadlineHandlers()
      .on(flaky, async (deadline, tx) => {
        await appendFiredEvent(service.store, deadline.key, tx);
        if (failures-- > 0) throw new Error('the process died before recording the firing');
      })
      .on(steady, (deadline, tx) => appendFiredEvent(service.store, deadline.key, tx));
    const clock = new TestClock(at(10_000));
    const runner = new DeadlineRunner(service.dataSource, clock, handlers, { firstRetryMs: 1, pageSize: 10 });

    expect(await runner.fireDue()).toBe(3);
    expect(await firedEvents(service.dataSource, 'flaky-')).toEqual([]);
    expect(await firedEvents(service.dataSource, 'steady-')).toHaveLength(3);
    const [failed] = await service.dataSource.query(
      'select attempts, last_error, fired_at from deadlines where kind = $1',
      [flaky.name],
    );
    expect(failed).toEqual({
      attempts: 1,
      last_error: 'the process died before recording the firing',
      fired_at: null,
    });

    await until(async () => (await runner.fireDue()) === 1, 'the retry after its back-off');
    expect(await firedEvents(service.dataSource, 'flaky-')).toHaveLength(1);
    expect(await runner.fireDue()).toBe(0);
    expect(await firedEvents(service.dataSource, 'flaky-')).toHaveLength(1);
  });

  it('given 5,000 deadlines over five years, when the clock jumps past them all, then each fires once, in due order, at most a page per transaction', async () => {
    const kind = deadlineKind('test.jump', keyed);
    const pageSize = 100;
    await schedule(kind, 'jump-', 5000, 31_557); // about five years of minutes apart
    const clock = new TestClock(at(0));
    const runner = new DeadlineRunner(service.dataSource, clock, firingHandlers(kind), { pageSize });
    expect(await runner.fireDue()).toBe(0);
    clock.set(at(5001 * 31_557).toISOString());
    expect(await runner.fireDue()).toBe(5000);
    const events = await firedEvents(service.dataSource, 'jump-');
    expect(events.map((event) => event.key)).toEqual(
      Array.from({ length: 5000 }, (_, order) => `jump-${String(order).padStart(6, '0')}`),
    );
    // never more than a page held or fired in one transaction
    const perTransaction = countsByKey(events.map((event) => ({ key: event.txId })));
    expect(Math.max(...perTransaction.values())).toBeLessThanOrEqual(pageSize);
    expect(perTransaction.size).toBeGreaterThanOrEqual(5000 / pageSize);
    expect(await runner.fireDue()).toBe(0);
  });

  it('given two service instances racing for the same due deadlines, when both fire, then each deadline fires exactly once', async () => {
    const kind = deadlineKind('test.race', keyed);
    await schedule(kind, 'race-', 2000, 1_000);
    const clock = new TestClock(at(2001 * 1_000));
    const [one, two] = [await service.anotherConnection(), await service.anotherConnection()];
    const runners = [one, two].map(
      (dataSource) => new DeadlineRunner(dataSource, clock, firingHandlers(kind), { pageSize: 50 }),
    );
    const fired = await Promise.all(runners.map((runner) => runner.fireDue()));
    expect(fired.reduce((sum, count) => sum + count, 0)).toBe(2000);
    const counts = countsByKey(await firedEvents(service.dataSource, 'race-'));
    expect(counts.size).toBe(2000);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const [left] = await service.dataSource.query(
      'select count(*)::int as pending from deadlines where kind = $1 and fired_at is null',
      [kind.name],
    );
    expect(left).toEqual({ pending: 0 });
  });
});
