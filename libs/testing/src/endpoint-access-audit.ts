import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateSigningKey, listEndpointAccess, type EndpointAccess } from '@vl/auth';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { loadServiceConfig, type ServiceConfig, type ServiceDescriptor } from '@vl/service-kit';
import { TestSchema, testDatabaseUrl, testKafkaBrokers } from './test-database';

/** Every HTTP endpoint of a service's real module, with what it declares (for the no-default-allow test). */
export async function auditEndpointAccess(
  descriptor: ServiceDescriptor,
  register: (config: ServiceConfig) => DynamicModule,
): Promise<EndpointAccess[]> {
  const schema = await TestSchema.create(`access_${descriptor.name}`);
  const key = await generateSigningKey('access-audit');
  const config = loadServiceConfig(descriptor, {
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema.name,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    AUTH_JWKS: JSON.stringify(key.publicJwks),
    LOG_LEVEL: 'silent',
    LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
  });
  const moduleRef = await Test.createTestingModule({ imports: [register(config)] }).compile();
  try {
    return listEndpointAccess(moduleRef);
  } finally {
    await moduleRef.close();
    await schema.drop();
  }
}

/** The endpoints every service has that need no token: probes, metrics and the log's public verification data. */
export const PLATFORM_PUBLIC_ENDPOINTS = [
  'GET HealthController.liveness',
  'GET HealthController.readiness',
  'GET LedgerAuditController.checkpoints',
  'GET LedgerAuditController.publicKeys',
  'GET MetricsController.scrape',
];
