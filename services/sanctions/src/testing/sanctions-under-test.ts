import { startServiceUnderTest, type ServiceUnderTest, type TestClock } from '@vl/testing';
import { SanctionsModule } from '../app.module';
import { sanctions } from '../sanctions.descriptor';

/** The real sanctions service in this process (the shared service-under-test harness), on a clock the test moves. */
export const startSanctions = (clock: TestClock): Promise<ServiceUnderTest> =>
  startServiceUnderTest({
    descriptor: sanctions,
    module: (config) => SanctionsModule.register(config, { clock }),
    defaultRoles: ['cec-operator'],
  });
