import { startServiceUnderTest, type ServiceUnderTest, type TestClock, type TestSchema } from '@vl/testing';
import { ExcusesModule } from '../app.module';
import { excuses } from '../excuses.descriptor';

export interface ExcusesUnderTest extends ServiceUnderTest {
  readonly clock: TestClock;
}

/**
 * The real excuses service in this process (the shared service-under-test harness) on a clock the test moves; its
 * deadline runner looks every 100 ms. A request that names no roles is a CEC operator's.
 */
export async function startExcuses(
  clock: TestClock,
  options: { readonly schema?: TestSchema } = {},
): Promise<ExcusesUnderTest> {
  const service = await startServiceUnderTest({
    descriptor: excuses,
    module: (config) => ExcusesModule.register(config, { clock, deadlineRunner: { pollIntervalMs: 100 } }),
    defaultRoles: ['cec-operator'],
    ...(options.schema ? { schema: options.schema } : {}),
  });
  return { ...service, clock };
}
