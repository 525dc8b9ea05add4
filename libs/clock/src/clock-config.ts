import { envSqlIdentifier, loadConfig, type Environment } from '@vl/config';
import { z } from 'zod';
import { DRILL_CLOCK_SCHEMA } from './drill-clock-store';

/** What a drill's environment must say, word for word, before a service runs on the drill clock. */
export const DRILL_MODE_CONFIRMATION = 'I_UNDERSTAND_THIS_IS_A_DRILL';

/** The clock variables every service reads (merged into the service configuration). */
export const clockEnvironment = {
  CLOCK: z.enum(['system', 'drill'], { message: 'expected system (the default) or drill' }).default('system'),
  DRILL_MODE: z.string().optional(),
  NODE_ENV: z.string().optional(),
  DRILL_CLOCK_SCHEMA: envSqlIdentifier.default(DRILL_CLOCK_SCHEMA),
};

type ClockEnvironment = {
  readonly CLOCK: 'system' | 'drill';
  readonly DRILL_MODE?: string | undefined;
  readonly NODE_ENV?: string | undefined;
};

/** A drill clock must never pass for the real one: production refuses it, anything else needs the drill flag. */
export function refuseDrillClockOutsideDrills(config: ClockEnvironment, ctx: z.RefinementCtx): void {
  if (config.CLOCK !== 'drill') return;
  if (config.NODE_ENV === 'production')
    ctx.addIssue({
      code: 'custom',
      path: ['CLOCK'],
      message: 'a production configuration (NODE_ENV=production) never runs on a drill clock',
    });
  else if (config.DRILL_MODE !== DRILL_MODE_CONFIRMATION)
    ctx.addIssue({
      code: 'custom',
      path: ['DRILL_MODE'],
      message: `CLOCK=drill runs only with DRILL_MODE=${DRILL_MODE_CONFIRMATION}`,
    });
}

const clockSchema = z.object(clockEnvironment).superRefine(refuseDrillClockOutsideDrills);

export type ClockConfig = z.infer<typeof clockSchema>;

/** The clock settings alone, for a process that is not a service (e.g. a tool reading the drill clock). */
export function loadClockConfig(env?: Environment): ClockConfig {
  return loadConfig(clockSchema, env);
}
