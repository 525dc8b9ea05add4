import { startServiceUnderTest, type ServiceUnderTest, type TestClock } from '@vl/testing';
import { IncentivesModule } from '../app.module';
import { incentives } from '../incentives.descriptor';

/** The real incentives service in this process (the shared service-under-test harness), on a clock the test moves. */
export const startIncentives = (clock: TestClock): Promise<ServiceUnderTest> =>
  startServiceUnderTest({
    descriptor: incentives,
    module: (config) => IncentivesModule.register(config, { clock }),
    defaultRoles: ['cabinet'],
  });
