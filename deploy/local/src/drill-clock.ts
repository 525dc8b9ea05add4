import { DrillClockStore, DRILL_MODE_CONFIRMATION, type DrillAdvance, type DrillEpoch } from '@vl/clock';
import { LOCAL_ADMIN_URL } from '@vl/local-infra';
import { Pool } from 'pg';

/** What puts a service on the shared drill clock (refused under NODE_ENV=production whatever it says). */
export const DRILL_CLOCK_ENVIRONMENT = { CLOCK: 'drill', DRILL_MODE: DRILL_MODE_CONFIRMATION } as const;

/** The stack's database: DATABASE_URL, else the local server's voting_ledger. */
export function stackDatabaseUrl(): string {
  const external = process.env['DATABASE_URL'];
  if (external) return external;
  const url = new URL(LOCAL_ADMIN_URL);
  url.pathname = '/voting_ledger';
  return url.toString();
}

async function withStore<T>(databaseUrl: string, work: (store: DrillClockStore) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await work(new DrillClockStore(pool));
  } finally {
    await pool.end();
  }
}

/** A new drill on the shared clock, before the services start: each of the roles given reads and advances it. */
export function startDrillClock(
  databaseUrl: string,
  drill: { readonly startsAt: Date; readonly speed: number },
  roles: readonly string[],
): Promise<DrillEpoch> {
  return withStore(databaseUrl, async (store) => {
    await store.install(roles);
    return store.start(drill.startsAt, drill.speed, `drill started by ./vl up at ${drill.speed}x`);
  });
}

/** Moves the shared drill clock forward at once; every service of the drill reads it within a second. */
export function advanceDrillClock(
  databaseUrl: string,
  advance: DrillAdvance,
  reason: string,
): Promise<DrillEpoch> {
  return withStore(databaseUrl, (store) => store.advance(advance, reason));
}

/** The epoch in force, or undefined when no drill has started. */
export function readDrillClock(databaseUrl: string): Promise<DrillEpoch | undefined> {
  return withStore(databaseUrl, (store) => store.current());
}
