import type { Provider } from '@nestjs/common';
import {
  CLOCK,
  DrillClockStore,
  NoDrillClock,
  openClock,
  type Clock,
  type ClockKind,
  type OpenedClock,
} from '@vl/clock';
import { PinoLogger } from 'nestjs-pino';
import { Pool } from 'pg';
import { DependencyUnavailable } from '../dependency-checks';
import type { ServiceConfig } from '../service-config';

/** The clock a service runs on, with what it is and, on a drill, the shared drill clock's state. */
export interface ServiceClock {
  readonly kind: ClockKind;
  readonly opened: OpenedClock | undefined;
}

export const SERVICE_CLOCK = Symbol('SERVICE_CLOCK');

/** CLOCK for every service: a clock given by a test, else the one its configuration names. */
export function serviceClockProviders(name: string, config: ServiceConfig, given?: Clock): Provider[] {
  return [
    {
      provide: SERVICE_CLOCK,
      inject: [PinoLogger],
      useFactory: async (logger: PinoLogger): Promise<ServiceClock> => {
        if (given) return { kind: 'given', opened: undefined };
        try {
          const opened = await openClock(config, config.DATABASE_URL, {
            applicationName: `${name}-clock`,
            onEpoch: (epoch) =>
              logger.logger.warn(
                {
                  drillId: epoch.drillId,
                  drillAt: new Date(epoch.drillAtMs).toISOString(),
                  speed: epoch.speed,
                },
                'the drill clock moved: every service of the drill reads the new time',
              ),
            onRefreshError: (error) =>
              logger.logger.warn(
                { err: error },
                'the drill clock could not be read again; going on from the last',
              ),
          });
          return { kind: opened.kind, opened };
        } catch (error) {
          if (error instanceof NoDrillClock) throw new DependencyUnavailable(`CLOCK=drill: ${error.message}`);
          throw error;
        }
      },
    },
    {
      provide: CLOCK,
      inject: [SERVICE_CLOCK],
      useFactory: (clock: ServiceClock): Clock => given ?? (clock.opened as OpenedClock).clock,
    },
  ];
}

/** Before anything starts: CLOCK=drill needs a drill started in its schema (one line when it is missing). */
export async function checkDrillClock(config: ServiceConfig): Promise<void> {
  if (config.CLOCK !== 'drill') return;
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 1, connectionTimeoutMillis: 5000 });
  try {
    if (!(await new DrillClockStore(pool, config.DRILL_CLOCK_SCHEMA).current()))
      throw new DependencyUnavailable(
        `CLOCK=drill: no drill clock has started in schema ${config.DRILL_CLOCK_SCHEMA}: ` +
          'a drill sets it up (./vl up) before its services start',
      );
  } finally {
    await pool.end();
  }
}
