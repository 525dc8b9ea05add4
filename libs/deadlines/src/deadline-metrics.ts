import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Clock } from '@vl/clock';

/** Deadlines due and not yet fired (read on scrape), fired, and handler failures, by kind. */
export class DeadlineMetrics {
  readonly fired: Counter<'kind'>;
  readonly failures: Counter<'kind'>;

  constructor(registry: Registry, dataSource: DataSource, clock: Clock) {
    new Gauge({
      name: 'ledger_deadlines_due',
      help: "Deadlines whose time has come on the service's clock and that have not fired yet",
      labelNames: ['kind'],
      registers: [registry],
      async collect() {
        const rows: { kind: string; due: number }[] = await dataSource.query(
          'select kind, count(*)::int as due from deadlines where fired_at is null and due_at <= $1 group by kind',
          [clock.now()],
        );
        this.reset();
        for (const row of rows) this.set({ kind: row.kind }, row.due);
      },
    });
    this.fired = new Counter({
      name: 'ledger_deadlines_fired_total',
      help: 'Deadlines fired: their handler decided and the firing was recorded in one transaction',
      labelNames: ['kind'],
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'ledger_deadlines_failures_total',
      help: 'Firings whose handler failed; the deadline is tried again after a back-off',
      labelNames: ['kind'],
      registers: [registry],
    });
  }
}
