export { freePort } from './free-port';
export { TestSchema, testDatabaseUrl, testKafkaBrokers } from './test-database';
export { resolveTestInfrastructure, type TestInfrastructure } from './test-infrastructure';
