import type { Clock } from '@vl/clock';
import { startServiceUnderTest, type ServiceUnderTest, type TestSchema } from '@vl/testing';
import { TurnoutModule, type TurnoutOverrides } from '../app.module';
import { DEFAULT_CHECK_IN_POLICY } from '../domain/check-in-policy';
import { turnout } from '../turnout.descriptor';

/** The server's clock in a test: it stands still until the test moves it. */
export class PollingDayClock implements Clock {
  private current: Date;

  constructor(instant: string) {
    this.current = new Date(instant);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface TurnoutUnderTest extends ServiceUnderTest {
  readonly clock: PollingDayClock;
}

/**
 * A real turnout application in this process (the shared service-under-test harness), with polling day on a
 * clock the test controls.
 */
export async function startTurnout(
  clock: PollingDayClock,
  overrides: Omit<TurnoutOverrides, 'clock'> & { readonly schema?: TestSchema } = {},
): Promise<TurnoutUnderTest> {
  // a restart: another turnout process on the schema (and consumer group) of one that stopped
  const { schema, ...turnoutOverrides } = overrides;
  const service = await startServiceUnderTest({
    descriptor: turnout,
    module: (config) =>
      TurnoutModule.register(config, { policy: DEFAULT_CHECK_IN_POLICY, ...turnoutOverrides, clock }),
    env: { CHECKPOINT_EVERY_SECONDS: '1' },
    ...(schema ? { schema } : {}),
  });
  return { ...service, clock };
}
