export { freePort } from './free-port';
export { TestSchema, testDatabaseUrl, testKafkaBrokers } from './test-database';
export { resolveTestInfrastructure, type TestInfrastructure } from './test-infrastructure';
export { auditEndpointAccess, PLATFORM_PUBLIC_ENDPOINTS } from './endpoint-access-audit';
