import type { Clock } from './clock';
import { NoDrillClock } from './drill-clock-store';
import { drillTimeAt, type DrillEpoch } from './drill-epoch';

/** Where the epoch in force is read from (the drill clock's table). */
export interface DrillEpochSource {
  readonly schema: string;
  current(): Promise<DrillEpoch | undefined>;
}

export interface SharedDrillClockOptions {
  /** how often the epoch is read again: an advance shows within this */
  readonly refreshMs?: number;
  /** the real clock in milliseconds */
  readonly realNow?: () => number;
  /** a new epoch was read (an advance, or a new drill) */
  readonly onEpoch?: (epoch: DrillEpoch) => void;
  /** a refresh failed; the clock goes on from the epoch it has */
  readonly onRefreshError?: (error: unknown) => void;
}

/**
 * The drill clock every service of a drill shares: now() is computed from the epoch in force, read again in the
 * background, so that it costs no query on the hot path and never goes back within a drill.
 */
export class SharedDrillClock implements Clock {
  private latest = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private readonly realNow: () => number;

  private constructor(
    private readonly store: DrillEpochSource,
    private current: DrillEpoch,
    private readonly options: SharedDrillClockOptions,
  ) {
    this.realNow = options.realNow ?? Date.now;
  }

  /** Reads the drill in force and keeps following it; refused when no drill has started. */
  static async open(
    store: DrillEpochSource,
    options: SharedDrillClockOptions = {},
  ): Promise<SharedDrillClock> {
    const epoch = await store.current();
    if (!epoch)
      throw new NoDrillClock(
        `no drill clock has started in schema ${store.schema}: a drill sets it up (./vl up) before its services start`,
      );
    const clock = new SharedDrillClock(store, epoch, options);
    const refreshMs = options.refreshMs ?? 250;
    if (refreshMs > 0) {
      clock.timer = setInterval(
        () => void clock.refresh().catch((error) => options.onRefreshError?.(error)),
        refreshMs,
      );
      clock.timer.unref();
    }
    return clock;
  }

  get epoch(): DrillEpoch {
    return this.current;
  }

  now(): Date {
    // a later refresh may read an epoch a few microseconds behind what this process already handed out
    this.latest = Math.max(this.latest, Math.floor(drillTimeAt(this.current, this.realNow())));
    return new Date(this.latest);
  }

  /** Reads the epoch in force now; a new drill starts this clock afresh. */
  async refresh(): Promise<void> {
    const epoch = await this.store.current();
    if (!epoch) return;
    const changed =
      epoch.drillId !== this.current.drillId ||
      epoch.drillAtMs !== this.current.drillAtMs ||
      epoch.realAtMs !== this.current.realAtMs ||
      epoch.speed !== this.current.speed;
    if (!changed) return;
    if (epoch.drillId !== this.current.drillId) this.latest = Number.NEGATIVE_INFINITY;
    this.current = epoch;
    this.options.onEpoch?.(epoch);
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
