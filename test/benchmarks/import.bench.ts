/*
 * Civil-registry import of a synthetic country, timed as an operator runs it, against the local PostgreSQL:
 *   ./vl node -r @swc-node/register test/benchmarks/import.bench.ts [--citizens 4000000] [--runs 3] [--seed 2026]
 *     [--re-imports RUNS] [--keep-files DIR] [--writers N]
 *
 * Set-up, not measured: libs/synthetic-country writes the country (seeded, reference date 2026-11-30), and a
 * second civil-registry file is derived from it in which every 200th citizen has one changed field
 * (registered_disability flipped) and another 1 in 200 is missing. Each run gets a fresh schema into which a
 * voter-roll process (its migrations) takes precincts.csv over HTTP, and is stopped; then, measured:
 * 1. first import: services/voter-roll/src/import-civil-registry.main.ts as its own process, as the README runs it;
 * 2. re-import of the changed file into the same schema (only the differences are appended), in the first
 *    `--re-imports` runs (default: every run).
 * Wall time is from spawning the process to its exit. Peak memory is the importing process's peak RSS: the
 * larger of VmHWM in /proc/<pid>/status (sampled every 100 ms) and the maxRSS the process reports at its end.
 * Infrastructure: resolveTestInfrastructure() (KAFKA_BROKERS/DATABASE_URL, else a local broker and the local
 * database voting_ledger_test). Medians over the runs.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generateSigningKey, mintToken } from '@vl/auth';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { startService } from '@vl/local-stack';
import { CIVIL_REGISTRY_CSV, PRECINCTS_CSV, writeCountryFiles } from '@vl/synthetic-country';
import { freePort, resolveTestInfrastructure, TestSchema, type TestInfrastructure } from '@vl/testing';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '4000000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
    're-imports': { type: 'string' },
    'keep-files': { type: 'string' },
    // the importer's writer sessions; unset, its own default
    writers: { type: 'string' },
  },
});
const CITIZENS = Number(values.citizens);
const RUNS = Number(values.runs);
const RE_IMPORTS = Number(values['re-imports'] ?? RUNS);
if (![CITIZENS, RUNS].every((n) => Number.isSafeInteger(n) && n > 0) || !(RE_IMPORTS >= 0))
  throw new Error('--citizens and --runs must be positive integers, --re-imports at least 0');
const CHANGE_EVERY = 200;
const TARGET_SECONDS = 180;
const TARGET_RSS_MB = 1024;
const IMPORTER = 'services/voter-roll/src/import-civil-registry.main.ts';

const benchStart = performance.now();
const progress = (line: string) =>
  process.stderr.write(`[import bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

interface ImportRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly summary: string;
  readonly loadAverage: number;
}

/** Every CHANGE_EVERY-th citizen gets registered_disability flipped; the one half a period later is left out. */
async function deriveChangedFile(from: string, to: string): Promise<{ changed: number; missing: number }> {
  const lines = createInterface({ input: createReadStream(from), crlfDelay: Infinity });
  const out = createWriteStream(to);
  let index = -1;
  let changed = 0;
  let missing = 0;
  for await (const line of lines) {
    index++;
    let written = line;
    if (index > 0 && index % CHANGE_EVERY === CHANGE_EVERY / 2) {
      missing++;
      continue;
    }
    if (index > 0 && index % CHANGE_EVERY === 0) {
      written = `${line.slice(0, -1)}${line.endsWith('1') ? '0' : '1'}`;
      changed++;
    }
    if (!out.write(`${written}\r\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  return { changed, missing };
}

function vmHwmKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has just exited
  }
}

/** Runs the import command as its own process; wall time from spawn to exit, peak RSS of that process. */
function importFile(databaseUrl: string, schema: string, file: string, dir: string): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const loadBefore = loadavg()[0] ?? 0;
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        IMPORTER,
        '--file',
        file,
        '--rejects',
        join(dir, 'rejects.csv'),
        '--missing',
        join(dir, 'missing.csv'),
        ...(values.writers ? ['--writers', values.writers] : []),
      ],
      {
        env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let peakKb = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakKb = Math.max(peakKb, vmHwmKb(child.pid));
    }, 100);
    let stdout = '';
    let lastProgress = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8').trim();
      if (text !== lastProgress) progress(`  ${text.split('\n').at(-1) ?? ''}`);
      lastProgress = text;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`import exited with ${code}: ${stdout}${lastProgress}`));
        return;
      }
      const reported = /peak RSS (\d+) MB/.exec(stdout);
      const peakRssMb = Math.max(Math.round(peakKb / 1024), reported ? Number(reported[1]) : 0);
      resolve({
        seconds,
        peakRssMb,
        summary: stdout.trim(),
        loadAverage: ((loadavg()[0] ?? 0) + loadBefore) / 2,
      });
    });
  });
}

/** A fresh schema with voter-roll's tables and the precincts, through the service as an operator loads them. */
async function preparedSchema(infrastructure: TestInfrastructure, dir: string): Promise<TestSchema> {
  const schema = await TestSchema.create('bench_voter_roll');
  const key = await generateSigningKey('import-bench');
  const logDir = mkdtempSync(join(tmpdir(), 'vl-import-bench-logs-'));
  const service = await startService(
    'voter-roll',
    {
      PORT: String(await freePort()),
      DATABASE_URL: infrastructure.databaseUrl,
      DATABASE_SCHEMA: schema.name,
      KAFKA_CONSUMER_GROUP: schema.name,
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      AUTH_JWKS: JSON.stringify(key.publicJwks),
      LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
      LOG_LEVEL: 'warn',
    },
    logDir,
  );
  try {
    const token = await mintToken(key.privateJwk, {
      subject: 'import-bench',
      roles: ['cec-operator'],
      issuer: 'voting-ledger',
      audience: 'voter-roll',
    });
    const response = await fetch(`${service.url}/imports/precincts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: readFileSync(join(dir, PRECINCTS_CSV.fileName)),
    });
    if (!response.ok) throw new Error(`precincts refused: ${response.status} ${await response.text()}`);
    return schema;
  } finally {
    await service.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const infrastructure = await resolveTestInfrastructure();
  const { databaseUrl } = infrastructure;
  process.env['TEST_DATABASE_URL'] = databaseUrl;
  const dir = values['keep-files'] ?? mkdtempSync(join(tmpdir(), 'vl-import-bench-'));
  const first = join(dir, CIVIL_REGISTRY_CSV.fileName);
  const second = join(dir, 'civil-registry.changed.csv');
  try {
    if (existsSync(first) && existsSync(second)) progress(`reusing the files in ${dir}`);
    else {
      progress(`generating ${fmt(CITIZENS)} citizens (seed ${values.seed})`);
      const generated = performance.now();
      await writeCountryFiles(dir, { seed: values.seed, citizens: CITIZENS, referenceDate: '2026-11-30' });
      progress(`generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
      const derived = await deriveChangedFile(first, second);
      progress(`changed file: ${fmt(derived.changed)} changed, ${fmt(derived.missing)} missing`);
    }
    console.log(
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB; ${fmt(CITIZENS)} citizens; PostgreSQL shared with other work`,
    );
    const firstRuns: ImportRun[] = [];
    const reRuns: ImportRun[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const schema = await preparedSchema(infrastructure, dir);
      try {
        progress(`run ${run}/${RUNS}: first import into ${schema.name}`);
        const initial = await importFile(databaseUrl, schema.name, first, dir);
        firstRuns.push(initial);
        console.log(
          `run ${run} first import: ${initial.seconds.toFixed(1)} s, peak RSS ${initial.peakRssMb} MB, ` +
            `load ${initial.loadAverage.toFixed(1)}\n  ${initial.summary}`,
        );
        if (run > RE_IMPORTS) continue;
        progress(`run ${run}/${RUNS}: re-import of the changed file`);
        const again = await importFile(databaseUrl, schema.name, second, dir);
        reRuns.push(again);
        console.log(
          `run ${run} re-import: ${again.seconds.toFixed(1)} s, peak RSS ${again.peakRssMb} MB, ` +
            `load ${again.loadAverage.toFixed(1)}\n  ${again.summary}`,
        );
      } finally {
        await schema.drop();
      }
    }
    const row = (
      name: string,
      runs: readonly ImportRun[],
      pick: (run: ImportRun) => number,
      unit: string,
    ) => {
      const samples = runs.map(pick);
      console.log(
        `${name.padEnd(24)} median ${median(samples).toFixed(1)} ${unit}, min ${Math.min(...samples).toFixed(1)}, ` +
          `max ${Math.max(...samples).toFixed(1)} (runs: ${samples.map((n) => n.toFixed(1)).join(' / ')})`,
      );
    };
    console.log(`\nresults over ${RUNS} runs`);
    row('first import wall time', firstRuns, (run) => run.seconds, 's');
    row('first import peak RSS', firstRuns, (run) => run.peakRssMb, 'MB');
    if (reRuns.length > 0) {
      row('re-import wall time', reRuns, (run) => run.seconds, 's');
      row('re-import peak RSS', reRuns, (run) => run.peakRssMb, 'MB');
    }
    row('load average (1 min)', [...firstRuns, ...reRuns], (run) => run.loadAverage, '');
    const seconds = median(firstRuns.map((run) => run.seconds));
    const rss = Math.max(...firstRuns.map((run) => run.peakRssMb), ...reRuns.map((run) => run.peakRssMb));
    console.log(
      `target first import < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'NOT met'} (median ${seconds.toFixed(1)} s)\n` +
        `target peak RSS < ${TARGET_RSS_MB} MB: ${rss < TARGET_RSS_MB ? 'met' : 'NOT met'} (highest ${rss} MB)`,
    );
  } finally {
    if (!values['keep-files']) rmSync(dir, { recursive: true, force: true });
    await infrastructure.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`import bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
