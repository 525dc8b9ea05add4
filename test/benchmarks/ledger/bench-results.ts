import { median } from '../support/statistics';

export type MetricUnit = 'events/s' | 'ratio' | 'ms' | 'MB' | 'µs' | 'count';

/** One row of the results table: a value per run, in the order the runs recorded them. */
export interface Metric {
  readonly label: string;
  readonly unit: MetricUnit;
  readonly values: number[];
}

/** Everything the runs measured; the table keeps the order in which keys were first recorded. */
export class BenchResults {
  readonly metrics = new Map<string, Metric>();
  /** where the time went, one line per run and phase */
  readonly splits: string[] = [];
  readonly notes = new Set<string>();

  record(key: string, label: string, unit: MetricUnit, value: number): void {
    const metric = this.metrics.get(key) ?? { label, unit, values: [] };
    metric.values.push(value);
    this.metrics.set(key, metric);
  }

  /** the median over the runs, 0 for a key never recorded */
  median(key: string): number {
    return median(this.metrics.get(key)?.values ?? [0]);
  }
}
