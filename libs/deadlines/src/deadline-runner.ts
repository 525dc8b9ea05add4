import type { Clock } from '@vl/clock';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadlineHandlers } from './deadline-handlers';
import type { DeadlineMetrics } from './deadline-metrics';

export interface DeadlineRunnerOptions {
  /** deadlines claimed and fired per transaction: the most ever held in memory at once */
  readonly pageSize?: number;
  /** real time between passes */
  readonly pollIntervalMs?: number;
  /** real time before a failed deadline is tried again, doubling per failure up to maxRetryMs */
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
}

export interface DeadlineLog {
  warn(details: object, message: string): void;
}

interface ClaimedRow {
  id: string;
  kind: string;
  key: string;
  due_at: Date;
  payload: unknown;
  attempts: number;
}

const DEFAULTS = { pageSize: 200, pollIntervalMs: 1000, firstRetryMs: 1000, maxRetryMs: 300_000 };

/**
 * Fires each deadline once after its time on the service's clock. A page of due deadlines is claimed (FOR UPDATE
 * SKIP LOCKED, so that two instances never fire the same one), each handler decides and appends in that
 * transaction, and the deadlines are marked fired in it: a crash before the commit fires them again later.
 */
export class DeadlineRunner {
  private readonly settings: Required<DeadlineRunnerOptions>;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly handlers: DeadlineHandlers,
    options: DeadlineRunnerOptions = {},
    private readonly log?: DeadlineLog,
    private readonly metrics?: DeadlineMetrics,
  ) {
    this.settings = { ...DEFAULTS, ...options };
  }

  start(): void {
    if (this.loop || this.handlers.kinds.length === 0) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops after the page in progress (its transaction commits or rolls back whole). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** One pass: fires every deadline due now, page by page; returns how many fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    while (!this.stopping) {
      const page = await this.firePage();
      fired += page.fired;
      if (page.claimed < this.settings.pageSize) break;
    }
    return fired;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let fired = 0;
      try {
        fired = await this.fireDue();
      } catch (error) {
        this.log?.warn({ err: error }, 'deadlines: a pass failed; trying again after the poll interval');
      }
      // a firing may schedule its continuation due at once (a close walking its pages): look again before sleeping
      if (fired > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async firePage(): Promise<{ claimed: number; fired: number }> {
    const now = this.clock.now();
    const firedKinds: string[] = [];
    const failedKinds: string[] = [];
    const claimed = await this.dataSource.transaction(async (tx) => {
      const rows: ClaimedRow[] = await tx.query(
        `select id::text as id, kind, key, due_at, payload, attempts from deadlines
          where fired_at is null and due_at <= $1 and kind = any($2::text[])
            and (retry_after is null or retry_after <= now())
          order by due_at, id
          limit $3
          for update skip locked`,
        [now, this.handlers.kinds, this.settings.pageSize],
      );
      const fired: string[] = [];
      for (const row of rows) {
        if (await this.fireOne(tx, row)) {
          fired.push(row.id);
          firedKinds.push(row.kind);
        } else failedKinds.push(row.kind);
      }
      if (fired.length > 0)
        await tx.query(
          `update deadlines set fired_at = now(), fired_on_clock_at = $2, last_error = null, retry_after = null
            where id = any($1::bigint[])`,
          [fired, now],
        );
      return rows.length;
    });
    // counted once committed: a rolled-back page fired nothing
    for (const kind of firedKinds) this.metrics?.fired.inc({ kind });
    for (const kind of failedKinds) this.metrics?.failures.inc({ kind });
    return { claimed, fired: firedKinds.length };
  }

  // a savepoint per deadline: a failing handler undoes its own work only, and the page goes on
  private async fireOne(tx: EntityManager, row: ClaimedRow): Promise<boolean> {
    const registered = this.handlers.handlerOf(row.kind);
    await tx.query('savepoint deadline');
    try {
      if (!registered) throw new Error(`no handler for deadline kind ${row.kind}`);
      const parsed = registered.kind.payload.safeParse(row.payload);
      if (!parsed.success)
        throw new Error(`the stored payload breaks the schema of ${row.kind}: ${parsed.error.message}`);
      await registered.handle(
        {
          id: row.id,
          kind: row.kind,
          key: row.key,
          dueAt: row.due_at,
          payload: parsed.data,
          attempts: row.attempts,
        },
        tx,
      );
      await tx.query('release savepoint deadline');
      return true;
    } catch (error) {
      await tx.query('rollback to savepoint deadline');
      const attempts = row.attempts + 1;
      const retryMs = Math.min(this.settings.maxRetryMs, this.settings.firstRetryMs * 2 ** (attempts - 1));
      const message = error instanceof Error ? error.message : String(error);
      await tx.query(
        `update deadlines set attempts = $2, last_error = $3, retry_after = now() + make_interval(secs => $4)
          where id = $1`,
        [row.id, attempts, message.slice(0, 2000), retryMs / 1000],
      );
      this.log?.warn(
        { err: error, kind: row.kind, key: row.key, attempts, retryInMs: retryMs },
        'deadlines: a handler failed; the deadline is tried again after a back-off',
      );
      return false;
    }
  }
}
