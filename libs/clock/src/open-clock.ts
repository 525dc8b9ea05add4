import { Pool } from 'pg';
import { systemClock, type Clock } from './clock';
import { DrillClockStore } from './drill-clock-store';
import { SharedDrillClock, type SharedDrillClockOptions } from './shared-drill-clock';

/** The clock a process runs on, and the drill clock's store when it runs a drill. */
export interface OpenedClock {
  readonly clock: Clock;
  readonly kind: 'system' | 'drill';
  /** the shared drill clock's state, present only on the drill clock */
  readonly drill?: { readonly store: DrillClockStore; readonly clock: SharedDrillClock };
  close(): Promise<void>;
}

/** The system clock, or the shared drill clock read through its own small pool (never queued behind commands). */
export async function openClock(
  config: { readonly CLOCK: 'system' | 'drill'; readonly DRILL_CLOCK_SCHEMA: string },
  databaseUrl: string,
  options: SharedDrillClockOptions & { readonly applicationName?: string } = {},
): Promise<OpenedClock> {
  if (config.CLOCK !== 'drill') return { clock: systemClock, kind: 'system', close: async () => undefined };
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 2,
    connectionTimeoutMillis: 5000,
    application_name: options.applicationName ?? 'drill-clock',
  });
  try {
    const store = new DrillClockStore(pool, config.DRILL_CLOCK_SCHEMA);
    const clock = await SharedDrillClock.open(store, options);
    return {
      clock,
      kind: 'drill',
      drill: { store, clock },
      close: async () => {
        clock.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
