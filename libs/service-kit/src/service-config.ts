import {
  envBrokerList,
  envJson,
  envLogLevel,
  envPort,
  envPostgresUrl,
  envSqlIdentifier,
  loadConfig,
  type Environment,
} from '@vl/config';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { schemaNameOf, type ServiceDescriptor } from './service-descriptor';

const JWKS_EXPECTED = 'expected a JWKS document {"keys":[...]} with the token public keys';
const jwksSchema = z.object(
  {
    keys: z
      .array(z.object({ kty: z.string() }, { message: JWKS_EXPECTED }).loose(), { message: JWKS_EXPECTED })
      .min(1, JWKS_EXPECTED),
  },
  { message: JWKS_EXPECTED },
);

export function serviceConfigSchema(descriptor: ServiceDescriptor) {
  return z.object({
    PORT: envPort(descriptor.defaultPort),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: envPostgresUrl,
    DATABASE_SCHEMA: envSqlIdentifier.default(schemaNameOf(descriptor.name)),
    KAFKA_BROKERS: envBrokerList,
    AUTH_JWKS: envJson.pipe(jwksSchema),
    AUTH_ISSUER: z.string().min(1).default('voting-ledger'),
    AUTH_AUDIENCE: z.string().min(1).default('voting-ledger'),
    LOG_LEVEL: envLogLevel,
  });
}

export type ServiceConfig = Omit<z.infer<ReturnType<typeof serviceConfigSchema>>, 'AUTH_JWKS'> & {
  readonly AUTH_JWKS: JSONWebKeySet;
};

export function loadServiceConfig(descriptor: ServiceDescriptor, env?: Environment): ServiceConfig {
  return loadConfig(serviceConfigSchema(descriptor), env) as ServiceConfig;
}
