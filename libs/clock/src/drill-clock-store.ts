import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  advancedDrillTime,
  drillTimeAt,
  MAX_DRILL_SPEED,
  type DrillAdvance,
  type DrillEpoch,
} from './drill-epoch';

export const DRILL_CLOCK_SCHEMA = 'drill_clock';

/** An advance the drill clock refuses: a malformed duration, or one that would take it back. */
export class DrillAdvanceRefused extends Error {
  override readonly name = 'DrillAdvanceRefused';
}

/** No drill has started in the schema: only a drill (./vl up) sets the drill clock up. */
export class NoDrillClock extends Error {
  override readonly name = 'NoDrillClock';
}

interface EpochRow {
  drill_id: string;
  drill_at: Date;
  real_at: Date;
  speed: number;
}

/**
 * The shared drill clock's state in PostgreSQL: one row per start or advance, the latest in force. Every service
 * of a drill reads the same rows, so a restarted service continues where the drill is.
 */
export class DrillClockStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readonly schema: string = DRILL_CLOCK_SCHEMA,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a SQL identifier: ${schema}`);
    this.table = `"${schema}".epochs`;
  }

  /** Creates the schema and its table (an administrator's connection); the roles given may read and advance it. */
  async install(grantTo: readonly string[] = []): Promise<void> {
    const schema = `"${this.schema}"`;
    await this.pool.query(`create schema if not exists ${schema}`);
    await this.pool.query(`
      create table if not exists ${this.table} (
        id bigint generated always as identity primary key,
        drill_id uuid not null,
        drill_at timestamptz not null,
        real_at timestamptz not null,
        speed double precision not null check (speed > 0),
        reason text not null,
        recorded_at timestamptz not null default clock_timestamp()
      )`);
    // the database itself keeps a drill from going back, whoever writes
    await this.pool.query(`
      create or replace function ${schema}.never_backwards() returns trigger language plpgsql as $$
      declare previous record;
      begin
        select * into previous from ${this.table} where drill_id = new.drill_id order by id desc limit 1;
        if found and new.drill_at < previous.drill_at + (new.real_at - previous.real_at) * previous.speed
                                    - interval '1 millisecond' then
          raise exception 'the drill clock never goes back' using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    await this.pool.query(`drop trigger if exists never_backwards on ${this.table}`);
    await this.pool.query(
      `create trigger never_backwards before insert on ${this.table} for each row execute function ${schema}.never_backwards()`,
    );
    for (const role of grantTo) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a SQL identifier: ${role}`);
      await this.pool.query(`grant usage on schema ${schema} to "${role}"`);
      await this.pool.query(`grant select, insert on ${this.table} to "${role}"`);
    }
  }

  /** A new drill: from now on the clock reads `startsAt` and runs `speed` times real time. */
  async start(startsAt: Date, speed: number, reason = 'drill started'): Promise<DrillEpoch> {
    if (!(speed > 0 && speed <= MAX_DRILL_SPEED))
      throw new DrillAdvanceRefused(
        `speed: expected drill seconds per real second, from 1 to ${MAX_DRILL_SPEED}`,
      );
    const [row] = (
      await this.pool.query<EpochRow>(
        `insert into ${this.table} (drill_id, drill_at, real_at, speed, reason)
         values ($1, $2, clock_timestamp(), $3, $4) returning drill_id, drill_at, real_at, speed`,
        [randomUUID(), startsAt, speed, reason],
      )
    ).rows;
    return epochOf(row as EpochRow);
  }

  /** Moves the drill clock forward at once; it keeps its speed. Concurrent advances add up. */
  async advance(advance: DrillAdvance, reason: string): Promise<DrillEpoch> {
    return this.inTransaction(async (client) => {
      // one advance at a time, so that two of them both count
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [this.table]);
      const { rows } = await client.query<EpochRow & { real_now: Date }>(
        `select drill_id, drill_at, real_at, speed, clock_timestamp() as real_now
           from ${this.table} order by id desc limit 1`,
      );
      const latest = rows[0];
      if (!latest) throw new NoDrillClock(`no drill clock has started in schema ${this.schema}`);
      const realNow = latest.real_now.getTime();
      const target = advancedDrillTime(drillTimeAt(epochOf(latest), realNow), advance);
      if (!target.ok) throw new DrillAdvanceRefused(target.error);
      const inserted = await client.query<EpochRow>(
        `insert into ${this.table} (drill_id, drill_at, real_at, speed, reason)
         values ($1, $2, $3, $4, $5) returning drill_id, drill_at, real_at, speed`,
        [latest.drill_id, new Date(target.value), latest.real_now, latest.speed, reason],
      );
      return epochOf(inserted.rows[0] as EpochRow);
    });
  }

  /** The epoch in force, or undefined when no drill has started. */
  async current(): Promise<DrillEpoch | undefined> {
    try {
      const { rows } = await this.pool.query<EpochRow>(
        `select drill_id, drill_at, real_at, speed from ${this.table} order by id desc limit 1`,
      );
      return rows[0] ? epochOf(rows[0]) : undefined;
    } catch (error) {
      if ((error as { code?: string }).code === '42P01' || (error as { code?: string }).code === '3F000')
        return undefined;
      throw error;
    }
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function epochOf(row: EpochRow): DrillEpoch {
  return {
    drillId: row.drill_id,
    drillAtMs: row.drill_at.getTime(),
    realAtMs: row.real_at.getTime(),
    speed: Number(row.speed),
  };
}
