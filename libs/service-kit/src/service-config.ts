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
import { maxLifetimesSchema } from '@vl/auth';
import { clockEnvironment, refuseDrillClockOutsideDrills } from '@vl/clock';
import type { JSONWebKeySet } from 'jose';
import { createPrivateKey } from 'node:crypto';
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
    // each service accepts only tokens issued for it
    AUTH_AUDIENCE: z.string().min(1).default(descriptor.name),
    AUTH_MAX_LIFETIMES: envJson.pipe(maxLifetimesSchema).default(maxLifetimesSchema.parse({})),
    LOG_LEVEL: envLogLevel,
    LEDGER_SIGNING_KEY: z
      .string({
        message:
          "expected the Ed25519 private key that signs this log's checkpoints (PKCS#8 PEM or base64 DER)",
      })
      .refine(
        isEd25519PrivateKey,
        "expected the Ed25519 private key that signs this log's checkpoints (PKCS#8 PEM or base64 DER)",
      ),
    // a replay (an auditor's or a rebuild) reads the same topics under its own group
    KAFKA_CONSUMER_GROUP: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,100}$/, 'expected a consumer group name (a-z, 0-9, . _ -)')
      .default(descriptor.name),
    LEDGER_ORIGIN: z.string().min(1).default(`voting-ledger/${descriptor.name}`),
    CHECKPOINT_EVERY_EVENTS: z.coerce
      .number({ message: 'expected a whole number of events' })
      .int()
      .positive()
      .default(1000),
    CHECKPOINT_EVERY_SECONDS: z.coerce
      .number({ message: 'expected a number of seconds' })
      .positive()
      .default(10),
    // the system clock, or the drill clock that every service of a drill shares (refused in production)
    ...clockEnvironment,
  });
}

export type ServiceConfig = Omit<z.infer<ReturnType<typeof serviceConfigSchema>>, 'AUTH_JWKS'> & {
  readonly AUTH_JWKS: JSONWebKeySet;
};

export function loadServiceConfig(descriptor: ServiceDescriptor, env?: Environment): ServiceConfig {
  return loadConfig(
    serviceConfigSchema(descriptor).superRefine(refuseDrillClockOutsideDrills),
    env,
  ) as ServiceConfig;
}

function isEd25519PrivateKey(value: string): boolean {
  try {
    const key = value.includes('BEGIN')
      ? createPrivateKey({ key: value, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
