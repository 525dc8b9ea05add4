import { loadConfig, type Environment } from '@vl/config';
import { z } from 'zod';
import type { PollingDayDrill } from './drill-clock';

// a polling day of 13 hours still lasts 13 seconds at the fastest
const MAX_SPEED = 3600;

const drillSchema = z
  .object({
    POLLING_DAY_DRILL_START: z.iso
      .datetime({ offset: true, error: 'expected an ISO 8601 instant, e.g. 2030-11-24T06:30:00+06:00' })
      .optional(),
    POLLING_DAY_DRILL_SPEED: z.coerce
      .number({ message: `expected drill seconds per real second, from 1 to ${MAX_SPEED}` })
      .min(1, `expected drill seconds per real second, from 1 to ${MAX_SPEED}`)
      .max(MAX_SPEED, `expected drill seconds per real second, from 1 to ${MAX_SPEED}`)
      .optional(),
  })
  .refine((config) => config.POLLING_DAY_DRILL_SPEED === undefined || !!config.POLLING_DAY_DRILL_START, {
    path: ['POLLING_DAY_DRILL_SPEED'],
    message: 'a drill speed needs POLLING_DAY_DRILL_START, the instant the drill clock starts at',
  });

/** A polling-day drill from the environment, or undefined for the system clock (production). */
export function loadPollingDayDrill(env?: Environment): PollingDayDrill | undefined {
  const config = loadConfig(drillSchema, env);
  if (!config.POLLING_DAY_DRILL_START) return undefined;
  return {
    startsAt: new Date(config.POLLING_DAY_DRILL_START).toISOString(),
    speed: config.POLLING_DAY_DRILL_SPEED ?? 1,
  };
}
