import type { DynamicModule } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { generateSigningKey, listEndpointAccess } from '@vl/auth';
import { loadServiceConfig, type ServiceConfig, type ServiceDescriptor } from '@vl/service-kit';
import { TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';
import { ExcusesModule } from '../../services/excuses/src/app.module';
import { excuses } from '../../services/excuses/src/excuses.descriptor';
import { IncentivesModule } from '../../services/incentives/src/app.module';
import { incentives } from '../../services/incentives/src/incentives.descriptor';
import { LotteryModule } from '../../services/lottery/src/app.module';
import { lottery } from '../../services/lottery/src/lottery.descriptor';
import { SanctionsModule } from '../../services/sanctions/src/app.module';
import { sanctions } from '../../services/sanctions/src/sanctions.descriptor';
import { TurnoutModule } from '../../services/turnout/src/app.module';
import { turnout } from '../../services/turnout/src/turnout.descriptor';
import { VoterRollModule } from '../../services/voter-roll/src/app.module';
import { voterRoll } from '../../services/voter-roll/src/voter-roll.descriptor';

const services: [ServiceDescriptor, (config: ServiceConfig) => DynamicModule][] = [
  [voterRoll, (config) => VoterRollModule.register(config)],
  [turnout, (config) => TurnoutModule.register(config)],
  [excuses, (config) => ExcusesModule.register(config)],
  [sanctions, (config) => SanctionsModule.register(config)],
  [lottery, (config) => LotteryModule.register(config)],
  [incentives, (config) => IncentivesModule.register(config)],
];

describe('every HTTP endpoint of every service declares who may call it (no default allow)', () => {
  it.each(services.map(([descriptor, register]) => [descriptor.name, descriptor, register] as const))('%s', async (_, descriptor, register) => {
    const schema = await TestSchema.create(`access_${descriptor.name}`);
    const key = await generateSigningKey('access-audit');
    const config = loadServiceConfig(descriptor, {
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: schema.name,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      AUTH_JWKS: JSON.stringify(key.publicJwks),
      LOG_LEVEL: 'silent',
    });
    const moduleRef = await Test.createTestingModule({ imports: [register(config)] }).compile();
    try {
      const endpoints = listEndpointAccess(moduleRef);
      expect(endpoints.length).toBeGreaterThanOrEqual(3);
      expect(endpoints.filter((endpoint) => !endpoint.roles?.length && !endpoint.publicReason)).toEqual([]);
      const publicOnes = endpoints.filter((endpoint) => endpoint.publicReason).map((endpoint) => endpoint.endpoint);
      expect(publicOnes.sort()).toEqual(['GET HealthController.liveness', 'GET HealthController.readiness', 'GET MetricsController.scrape']);
    } finally {
      await moduleRef.close();
      await schema.drop();
    }
  });
});
