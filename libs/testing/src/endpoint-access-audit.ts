import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { listEndpointAccess, type EndpointAccess } from '@vl/auth';
import { loadServiceConfig, type ServiceConfig, type ServiceDescriptor } from '@vl/service-kit';
import { testServiceEnvironment } from './service-environment';
import { TestSchema } from './test-database';
import { TestTokens } from './test-tokens';

/** Every HTTP endpoint of a service's real module, with what it declares (for the no-default-allow test). */
export async function auditEndpointAccess(
  descriptor: ServiceDescriptor,
  register: (config: ServiceConfig) => DynamicModule,
): Promise<EndpointAccess[]> {
  const schema = await TestSchema.create(`access_${descriptor.name}`);
  const tokens = await TestTokens.create('access-audit');
  const config = loadServiceConfig(descriptor, testServiceEnvironment(schema, tokens.jwks));
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
