import { startServiceUnderTest, type ServiceUnderTest, type TestClock } from '@vl/testing';
import { LotteryModule } from '../app.module';
import { lottery } from '../lottery.descriptor';

/** The real lottery service in this process (the shared service-under-test harness), on a clock the test moves. */
export const startLottery = (clock: TestClock): Promise<ServiceUnderTest> =>
  startServiceUnderTest({
    descriptor: lottery,
    module: (config) => LotteryModule.register(config, { clock }),
    defaultRoles: ['cec-operator'],
  });
