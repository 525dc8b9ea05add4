import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { fmt } from '../support/format';

/** Times the SQL a library sends through a DataSource, by statement kind, to split its wall time. */
export class SqlTimer {
  readonly byStatement = new Map<string, number>();
  readonly counts = new Map<string, number>();
  total = 0;
  /** wall time inside append calls, summed over writers */
  callsMs = 0;

  wrap(dataSource: DataSource): DataSource {
    const wrapManager = (manager: EntityManager): EntityManager =>
      Object.assign(Object.create(manager) as EntityManager, {
        query: async (sql: string, parameters?: unknown[]) => {
          const start = performance.now();
          try {
            return await manager.query(sql, parameters);
          } finally {
            this.add(sql, performance.now() - start);
          }
        },
      });
    return Object.assign(Object.create(dataSource) as DataSource, {
      // the store opens transactions with the connection's default isolation: transaction(work)
      transaction: (work: (tx: EntityManager) => Promise<unknown>) => {
        const start = performance.now();
        return dataSource
          .transaction(async (tx) => {
            this.add('begin', performance.now() - start);
            const result = await work(wrapManager(tx));
            return { result, commitStart: performance.now() };
          })
          .then(({ result, commitStart }) => {
            this.add('commit', performance.now() - commitStart);
            return result;
          });
      },
    });
  }

  private add(sql: string, ms: number): void {
    const words = sql.trim().split(/\s+/);
    const key =
      words[0] === 'insert'
        ? `insert ${words[2] ?? '?'}`
        : sql.includes('max(stream_version)')
          ? 'select versions'
          : sql.includes('event_id = any')
            ? 'select stored ids'
            : words[0] === 'select'
              ? `select from ${/ from\s+(\w+)/.exec(sql)?.[1] ?? '?'}`
              : (words[0] ?? '?');
    this.byStatement.set(key, (this.byStatement.get(key) ?? 0) + ms);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += ms;
  }

  /** e.g. "savepoint 1,000× 49.3 ms": statements and milliseconds per 1,000 events */
  describe(events: number): string {
    return [...this.byStatement.entries()]
      .map(([key, ms]) => {
        const perThousand = (this.counts.get(key) ?? 0) / (events / 1000);
        return `${key} ${perThousand < 10 ? perThousand.toFixed(1) : fmt(perThousand)}× ${(ms / (events / 1000)).toFixed(1)} ms`;
      })
      .join(', ');
  }
}
