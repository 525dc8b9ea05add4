import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { TestInfrastructure } from '@vl/testing';
import { fmt } from '../support/format';
import { peakRssMb } from '../support/memory';
import { median } from '../support/statistics';
import type { AppendVariant } from './append-variants';
import type { BenchOptions } from './bench-options';
import type { BenchResults, Metric } from './bench-results';

const TARGET_APPEND = 50_000;
const TARGET_APPEND_RATIO = 0.5;
const TARGET_RELAY = 30_000;
const TARGET_CONSUME = 30_000;

/** The machine, the infrastructure and the options, first on stdout so every result names its conditions. */
export function printPreamble(infrastructure: TestInfrastructure, options: BenchOptions): void {
  const pgVersion = execFileSync('psql', ['--version']).toString().trim();
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `${pgVersion}, infrastructure: ${infrastructure.source}`,
  );
  console.log(
    `${fmt(options.events)} events a phase, ${options.runs} run(s), append batches ${options.appendBatches.join('/')}, relay batches ${options.relayBatches.join('/')}`,
  );
}

const show = (metric: Metric, value: number) =>
  metric.unit === 'ratio'
    ? `${(value * 100).toFixed(0)} %`
    : metric.unit === 'events/s'
      ? fmt(value)
      : metric.unit === 'µs'
        ? value.toFixed(0)
        : fmt(value);

/** The markdown table (per run and median), the splits and notes, then each target met or not. */
export function printReport(
  results: BenchResults,
  options: BenchOptions,
  variants: readonly AppendVariant[],
  elapsedSeconds: number,
): void {
  // ratios are ours/raw per run (throughput ratio), median of those
  const header = [
    'measurement',
    'unit',
    ...Array.from({ length: options.runs }, (_, i) => `run ${i + 1}`),
    'median',
  ];
  console.log('');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((cell, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`);
  for (const metric of results.metrics.values()) {
    const unit = metric.unit === 'ratio' ? 'ours / raw' : metric.unit;
    console.log(
      `| ${metric.label} | ${unit} | ${metric.values.map((v) => show(metric, v)).join(' | ')} | **${show(metric, median(metric.values))}** |`,
    );
  }
  console.log('');
  for (const line of results.splits) console.log(`- ${line}`);
  for (const line of results.notes) console.log(`- note: ${line}`);
  console.log('');
  const med = (key: string) => results.median(key);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const { key, label } of variants) {
    const rate = med(`${key}-ours`);
    const ratio = med(`${key}-ratio`);
    console.log(
      `target append ≥ ${fmt(TARGET_APPEND)} events/s and ≥ ${TARGET_APPEND_RATIO * 100} % of raw ` +
        `(${label}): ${verdict(rate >= TARGET_APPEND && ratio >= TARGET_APPEND_RATIO)} ` +
        `(${fmt(rate)} events/s, ${(ratio * 100).toFixed(0)} %)`,
    );
  }
  for (const batchSize of options.relayBatches) {
    const rate = med(`relay-${batchSize}-ours`);
    console.log(
      `target relay ≥ ${fmt(TARGET_RELAY)} events/s (batch ${fmt(batchSize)}): ${verdict(rate >= TARGET_RELAY)} (${fmt(rate)} events/s)`,
    );
  }
  const consume = med('consume-ours');
  console.log(
    `target consume with inbox ≥ ${fmt(TARGET_CONSUME)} events/s: ${verdict(consume >= TARGET_CONSUME)} (${fmt(consume)} events/s)`,
  );
  console.log(`total ${elapsedSeconds.toFixed(0)} s, peak RSS ${fmt(peakRssMb())} MB`);
}
