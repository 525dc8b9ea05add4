import { NoDrillClock } from './drill-clock-store';
import type { DrillEpoch } from './drill-epoch';
import { SharedDrillClock, type DrillEpochSource } from './shared-drill-clock';

class EpochTable implements DrillEpochSource {
  readonly schema = 'drill_clock';
  constructor(public epoch: DrillEpoch | undefined) {}
  async current() {
    return this.epoch;
  }
}

const start: DrillEpoch = {
  drillId: 'a',
  drillAtMs: Date.parse('2027-11-28T01:00:00Z'),
  realAtMs: 0,
  speed: 300,
};

describe('the shared drill clock in one process', () => {
  let real = 0;
  const realNow = () => real;
  beforeEach(() => {
    real = 0;
  });

  it('given no drill has started, when opened, then it is refused with what sets it up', async () => {
    await expect(SharedDrillClock.open(new EpochTable(undefined), { refreshMs: 0 })).rejects.toThrow(
      NoDrillClock,
    );
  });

  it('given an epoch, when real time passes, then now() runs at the drill speed without reading again', async () => {
    const clock = await SharedDrillClock.open(new EpochTable(start), { refreshMs: 0, realNow });
    real = 12_000;
    expect(clock.now().toISOString()).toBe('2027-11-28T02:00:00.000Z');
  });

  it('given an advance in the table, when refreshed, then now() jumps forward and reports the epoch', async () => {
    const table = new EpochTable(start);
    const seen: DrillEpoch[] = [];
    const clock = await SharedDrillClock.open(table, {
      refreshMs: 0,
      realNow,
      onEpoch: (epoch) => seen.push(epoch),
    });
    real = 1_000;
    table.epoch = { ...start, drillAtMs: Date.parse('2032-11-28T01:05:00Z'), realAtMs: 1_000 };
    await clock.refresh();
    expect(clock.now().toISOString()).toBe('2032-11-28T01:05:00.000Z');
    expect(seen).toHaveLength(1);
  });

  it('given an epoch read slightly behind what was handed out, when refreshed, then now() never goes back', async () => {
    const table = new EpochTable(start);
    const clock = await SharedDrillClock.open(table, { refreshMs: 0, realNow });
    real = 1_000;
    const before = clock.now().getTime();
    table.epoch = { ...start, drillAtMs: start.drillAtMs - 5_000 };
    await clock.refresh();
    expect(clock.now().getTime()).toBe(before);
    real = 2_000;
    expect(clock.now().getTime()).toBeGreaterThan(before);
  });

  it('given a new drill started in the table, when refreshed, then the clock follows the new drill', async () => {
    const table = new EpochTable(start);
    const clock = await SharedDrillClock.open(table, { refreshMs: 0, realNow });
    real = 1_000;
    clock.now();
    table.epoch = { drillId: 'b', drillAtMs: Date.parse('2026-01-01T00:00:00Z'), realAtMs: 1_000, speed: 1 };
    await clock.refresh();
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
