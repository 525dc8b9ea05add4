import { DrillClockStore, DRILL_MODE_CONFIRMATION, type DrillAdvance, type DrillEpoch } from '@vl/clock';
import { randomBytes } from 'node:crypto';
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

async function withStore<T>(
  databaseUrl: string,
  work: (store: DrillClockStore) => Promise<T>,
  schema?: string,
): Promise<T> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await work(new DrillClockStore(pool, schema));
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

/** The drill itself begins: a new drill, so that 07:00 comes when the drill planned it, however long start-up took. */
export function restartDrillClock(
  databaseUrl: string,
  drill: { readonly startsAt: Date; readonly speed: number },
  schema?: string,
): Promise<DrillEpoch> {
  return withStore(
    databaseUrl,
    (store) => store.start(drill.startsAt, drill.speed, `drill begun at ${drill.speed}x`),
    schema,
  );
}

/** A drill clock of its own in a fresh schema (a system test's), with the environment that puts services on it. */
export async function startIsolatedDrillClock(
  databaseUrl: string,
  drill: { readonly startsAt: Date; readonly speed: number },
): Promise<{
  readonly env: Readonly<Record<string, string>>;
  restart(drill: { readonly startsAt: Date; readonly speed: number }): Promise<DrillEpoch>;
  drop(): Promise<void>;
}> {
  const schema = `drill_clock_${randomBytes(4).toString('hex')}`;
  await withStore(
    databaseUrl,
    async (store) => {
      await store.install();
      await store.start(drill.startsAt, drill.speed, 'drill started by a test');
    },
    schema,
  );
  return {
    env: { ...DRILL_CLOCK_ENVIRONMENT, DRILL_CLOCK_SCHEMA: schema },
    restart: (again) => restartDrillClock(databaseUrl, again, schema),
    drop: async () => {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      try {
        await pool.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await pool.end();
      }
    },
  };
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
