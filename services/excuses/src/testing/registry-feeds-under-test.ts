import { Module, type DynamicModule } from '@nestjs/common';
import { composeService, type ServiceDeclaration } from '@vl/service-composition';
import type { ServiceConfig } from '@vl/service-kit';
import { startServiceUnderTest, type ServiceUnderTest, type TestClock } from '@vl/testing';
import { EXCUSES } from '../app.module';
import { excuses } from '../excuses.descriptor';
import { registryFeeds } from '../registry-feeds.part';

// the excuses service as app.module declares it, with the registry feeds' part, whether or not it lists it yet
const WITH_REGISTRY_FEEDS: ServiceDeclaration = {
  ...EXCUSES,
  parts: [...(EXCUSES.parts ?? []).filter((part) => part !== registryFeeds), registryFeeds],
};

@Module({})
class ExcusesWithRegistryFeedsModule {
  static register(config: ServiceConfig, clock: TestClock): DynamicModule {
    return composeService(ExcusesWithRegistryFeedsModule, WITH_REGISTRY_FEEDS, config, {
      clock,
      deadlineRunner: { pollIntervalMs: 100 },
    });
  }
}

/** The real excuses service with its registry feeds, on a clock the test moves. A call naming no roles is a CEC operator's. */
export function startRegistryFeeds(clock: TestClock): Promise<ServiceUnderTest> {
  return startServiceUnderTest({
    descriptor: excuses,
    module: (config) => ExcusesWithRegistryFeedsModule.register(config, clock),
    defaultRoles: ['cec-operator'],
  });
}
