import 'reflect-metadata';
import { ConfigurationError, envPostgresUrl, envSqlIdentifier, loadConfig } from '@vl/config';
import { catalogContracts, EventStore, sessionOptions } from '@vl/event-store';
import { schemaNameOf } from '@vl/service-kit';
import { createReadStream, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CivilRegistryImport } from './application/import-civil-registry/civil-registry-import';
import type { ImportProgress } from './application/import-civil-registry/import-sinks';
import { CsvMissingCitizensFile, CsvRejectsFile } from './infrastructure/csv-rejects-file';
import { VOTER_ROLL_MIGRATIONS } from './infrastructure/voter-roll-migrations';
import { voterRoll } from './voter-roll.descriptor';

const USAGE =
  'usage: import-civil-registry --file civil-registry.csv [--rejects rejects.csv] [--missing missing.csv] [--batch-size 5000] [--writers 3] [--operator NAME]\n' +
  '  --operator: who runs the import, recorded as its cec-operator (default: the login name)\n' +
  '  environment: DATABASE_URL (required), DATABASE_SCHEMA (default voter_roll)';

const environment = z.object({
  DATABASE_URL: envPostgresUrl,
  DATABASE_SCHEMA: envSqlIdentifier.default(schemaNameOf(voterRoll.name)),
});

/** Imports a civil-registry file of any size into voter-roll's log; the running service relays the events. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      rejects: { type: 'string' },
      missing: { type: 'string' },
      'batch-size': { type: 'string' },
      writers: { type: 'string' },
      operator: { type: 'string' },
    },
  });
  const batchSize = Number(values['batch-size'] ?? 5000);
  const writers = Number(values.writers ?? 3);
  const positive = (value: number) => Number.isSafeInteger(value) && value >= 1;
  if (!values.file || !positive(batchSize) || !positive(writers)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(environment);
  const totalBytes = statSync(values.file).size;
  const rejectsPath = values.rejects ?? `${values.file}.rejects.csv`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: 'voter-roll-import',
    // a failed query's parameters are personal numbers: they must not reach a log line
    logging: false,
    migrations: VOTER_ROLL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    extra: {
      max: writers + 4,
      options: sessionOptions(config.DATABASE_SCHEMA),
    },
  });
  await dataSource.initialize();
  const rejects = new CsvRejectsFile(rejectsPath);
  const missing = values.missing ? new CsvMissingCitizensFile(values.missing) : undefined;
  try {
    await dataSource.runMigrations({ transaction: 'all' });
    const importer = new CivilRegistryImport(
      dataSource,
      new EventStore(dataSource, voterRoll.name, catalogContracts),
    );
    const outcome = await importer.run(createReadStream(values.file), {
      importedBy: { subject: values.operator ?? userInfo().username, role: 'cec-operator' },
      rejects,
      missing,
      batchSize,
      writers,
      onProgress: (progress) => process.stderr.write(`${progressLine(progress, totalBytes)}\n`),
    });
    if (!outcome.ok) {
      process.stderr.write(`civil-registry import refused: ${outcome.error.message}\n`);
      return 1;
    }
    const report = outcome.value;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(
      `civil-registry import ${report.importId}: ${report.rows} rows in ${duration(report.elapsedMs)}; ` +
        `accepted ${report.accepted}, changed ${report.changed}, unchanged ${report.unchanged}, ` +
        `rejected ${report.rejected} (${rejectsPath}); missing from the file ${report.missingFromFile}` +
        `${values.missing ? ` (${values.missing})` : ''}; peak RSS ${peakRssMb} MB\n`,
    );
    return 0;
  } finally {
    await rejects.close();
    await missing?.close();
    await dataSource.destroy();
  }
}

function progressLine(progress: ImportProgress, totalBytes: number): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rows / seconds : 0;
  const share = totalBytes > 0 ? progress.bytesRead / totalBytes : 0;
  const remainingMs = share > 0 ? (progress.elapsedMs * (1 - share)) / share : Number.NaN;
  return (
    `civil-registry import: ${progress.rows.toLocaleString('en')} rows · ${(share * 100).toFixed(1)}% · ` +
    `${Math.round(rate).toLocaleString('en')} rows/s · ETA ${Number.isFinite(remainingMs) ? duration(remainingMs) : '?'}`
  );
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${seconds % 60}s` : `${seconds}s`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigurationError ? error.message : (error as Error).stack;
    process.stderr.write(`import-civil-registry: ${message}\n`);
    process.exit(1);
  },
);
