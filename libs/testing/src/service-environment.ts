import { ephemeralLedgerKey } from '@vl/local-infra';
import { testDatabaseUrl, testKafkaBrokers, type TestSchema } from './test-database';

/** What a service needs to start in a test: the suite's schema (and consumer group), the test broker, a throwaway ledger key. */
export function testServiceEnvironment(schema: TestSchema, jwks: string): Record<string, string> {
  return {
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema.name,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    // suites share the broker: each service under test consumes in a group of its own
    KAFKA_CONSUMER_GROUP: schema.name,
    AUTH_JWKS: jwks,
    LOG_LEVEL: 'silent',
    LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
  };
}
