import 'reflect-metadata';
import { resolveTestInfrastructure, type TestInfrastructure } from './test-infrastructure';

declare global {
  var vlTestInfrastructure: TestInfrastructure | undefined;
}

/** Starts (or finds) real Kafka and PostgreSQL once for the whole integration run; never skips. */
export default async function globalSetup(): Promise<void> {
  let infrastructure: TestInfrastructure;
  try {
    infrastructure = await resolveTestInfrastructure();
  } catch (error) {
    // integration tests without a broker or a database must fail the run, loudly
    throw new Error(
      `integration tests need real Kafka and PostgreSQL and they could not be had: ${String(error)}`,
    );
  }
  globalThis.vlTestInfrastructure = infrastructure;
  // test workers start after this and inherit the environment
  process.env['TEST_KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  process.env['TEST_DATABASE_URL'] = infrastructure.databaseUrl;
}
