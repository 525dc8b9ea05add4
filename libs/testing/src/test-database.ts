import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type MixedList } from 'typeorm';
import { sessionOptions } from '@vl/event-store';

/** A fresh schema per test suite in the shared test database, dropped afterwards. */
export class TestSchema {
  private constructor(
    readonly name: string,
    readonly databaseUrl: string,
  ) {}

  static async create(prefix: string): Promise<TestSchema> {
    const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create schema "${name}"`);
    return new TestSchema(name, testDatabaseUrl());
  }

  /** A TypeORM data source on this schema with the given migrations applied. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  async dataSource(migrations: MixedList<Function | string>, poolSize = 10): Promise<DataSource> {
    const dataSource = new DataSource({
      type: 'postgres',
      url: this.databaseUrl,
      schema: this.name,
      migrations,
      migrationsTableName: 'schema_migrations',
      extra: {
        max: poolSize,
        options: sessionOptions(this.name),
      },
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    return dataSource;
  }

  async drop(): Promise<void> {
    await adminQuery(`drop schema if exists "${this.name}" cascade`);
  }
}

export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set: run integration tests through jest (global setup)');
  return url;
}

export function testKafkaBrokers(): string[] {
  const brokers = process.env['TEST_KAFKA_BROKERS'];
  if (!brokers)
    throw new Error('TEST_KAFKA_BROKERS is not set: run integration tests through jest (global setup)');
  return brokers.split(',');
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
