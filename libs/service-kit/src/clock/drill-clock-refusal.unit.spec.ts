import { Module } from '@nestjs/common';
import { DRILL_MODE_CONFIRMATION } from '@vl/clock';
import { ConfigurationError } from '@vl/config';
import { generateKeyPairSync } from 'node:crypto';
import { createServiceApp } from '../bootstrap';
import { loadServiceConfig } from '../service-config';

const service = { name: 'turnout', defaultPort: 3002 } as const;
const { privateKey } = generateKeyPairSync('ed25519');

// everything a service needs, so that only the clock variables decide
const productionEnvironment = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://turnout@127.0.0.1:5432/voting_ledger',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }] }),
  LEDGER_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
};

@Module({})
class NothingModule {}

describe('a production configuration never runs on a drill clock', () => {
  it('given NODE_ENV=production and CLOCK=drill, even with the drill flag, when the service starts, then start-up fails with one line naming CLOCK', async () => {
    const env = { ...productionEnvironment, CLOCK: 'drill', DRILL_MODE: DRILL_MODE_CONFIRMATION };
    const start = createServiceApp(service, () => NothingModule, env);
    await expect(start).rejects.toThrow(ConfigurationError);
    await expect(start).rejects.toThrow(
      'configuration: CLOCK="drill" is invalid: a production configuration (NODE_ENV=production) never runs on a drill clock',
    );
  });

  it('given CLOCK=drill without DRILL_MODE outside production, when the service starts, then start-up fails naming DRILL_MODE', async () => {
    const env = { ...productionEnvironment, NODE_ENV: 'development', CLOCK: 'drill' };
    await expect(createServiceApp(service, () => NothingModule, env)).rejects.toThrow(
      `configuration: DRILL_MODE is missing: CLOCK=drill runs only with DRILL_MODE=${DRILL_MODE_CONFIRMATION}`,
    );
  });

  it('given production without CLOCK, when configured, then the service runs on the system clock', () => {
    expect(loadServiceConfig(service, productionEnvironment)).toMatchObject({ CLOCK: 'system' });
  });
});
