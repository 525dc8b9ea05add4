import { DrillClockStore, type DrillEpoch } from '@vl/clock';
import { Pool } from 'pg';

/**
 * A drill clock of the bench's own (its own schema, never the stack's drill_clock): the service under test runs
 * with CLOCK=drill and DRILL_CLOCK_SCHEMA set to it, and the bench moves it forward.
 */
export class BenchDrillClock {
  private constructor(
    private readonly pool: Pool,
    private readonly store: DrillClockStore,
  ) {}

  static async start(databaseUrl: string, schema: string, startsAt: string): Promise<BenchDrillClock> {
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    const store = new DrillClockStore(pool, schema);
    await store.install();
    await store.start(new Date(startsAt), 1, 'benchmark');
    return new BenchDrillClock(pool, store);
  }

  get schema(): string {
    return this.store.schema;
  }

  advanceTo(instant: string): Promise<DrillEpoch> {
    return this.store.advance({ to: instant }, 'benchmark');
  }

  async drop(): Promise<void> {
    await this.pool.query(`drop schema if exists "${this.store.schema}" cascade`);
    await this.pool.end();
  }
}
