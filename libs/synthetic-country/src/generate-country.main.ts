/*
 * A deterministic synthetic Kyrgyzstan as the voter-roll import files:
 *   ./vl node -r @swc-node/register libs/synthetic-country/src/generate-country.main.ts \
 *     --out DIR --citizens N --seed S --reference-date YYYY-MM-DD
 * Progress goes to stderr every few seconds; the manifest's figures go to stdout at the end.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENERATE_COUNTRY_USAGE, parseGenerateCountryArguments } from './generate-country-arguments';
import { MANIFEST_FILE_NAME, writeCountryFiles, type CountryProgress } from './write-country-files';

const PROGRESS_INTERVAL_MS = 3_000;
const MEMORY_SAMPLE_MS = 250;

async function main(): Promise<number> {
  const parsed = parseGenerateCountryArguments(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`generate-country: ${parsed.error}\n${GENERATE_COUNTRY_USAGE}\n`);
    return 2;
  }
  const { out, ...options } = parsed.value;
  const started = performance.now();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, MEMORY_SAMPLE_MS);
  let lastReport = started;
  const report = ({ citizensWritten, citizensTotal }: CountryProgress) => {
    const now = performance.now();
    if (now - lastReport < PROGRESS_INTERVAL_MS && citizensWritten < citizensTotal) return;
    lastReport = now;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const seconds = (now - started) / 1000;
    const rate = citizensWritten / seconds;
    const eta = rate > 0 ? (citizensTotal - citizensWritten) / rate : Number.NaN;
    process.stderr.write(
      `generate-country: ${count(citizensWritten)} / ${count(citizensTotal)} citizens ` +
        `(${((100 * citizensWritten) / citizensTotal).toFixed(1)}%), ${count(Math.round(rate))} rows/s, ` +
        `ETA ${duration(eta)}, RSS ${megabytes(peakRss)}\n`,
    );
  };
  try {
    const manifest = await writeCountryFiles(out, { ...options, onProgress: report, progressEvery: 20_000 });
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `generate-country: wrote ${out} in ${seconds.toFixed(1)} s ` +
        `(${count(Math.round(manifest.citizens / seconds))} citizens/s), peak RSS ${megabytes(peakRss)}\n`,
    );
    const { eligibleByPrecinct, ...figures } = manifest;
    const summary = {
      ...figures,
      eligibleByPrecinct: `${Object.keys(eligibleByPrecinct).length} precincts, in ${join(out, MANIFEST_FILE_NAME)}`,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } finally {
    clearInterval(sampler);
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `generate-country: failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
