import { INTEGRITY_SIGNALS, precinctIdField } from '@vl/contracts';
import { z } from 'zod';
import { TURNOUT_LEVELS } from '../domain/turnout-figures';

/** GET /elections/:electionId/turnout: a territory by level and code; the country needs no code. */
export const turnoutQuery = z
  .strictObject({
    level: z
      .enum(TURNOUT_LEVELS, { error: 'expected one of country, region, district, precinct' })
      .default('country'),
    code: z
      .string()
      .regex(/^[0-9A-Za-z-]{1,20}$/, 'expected a region, district or precinct code (e.g. 11, 1101, 1101-001)')
      .optional(),
  })
  .superRefine((query, context) => {
    if (query.level !== 'country' && query.code === undefined) {
      context.addIssue({ code: 'custom', path: ['code'], message: `required for level ${query.level}` });
    }
  });
export type TurnoutQuery = z.output<typeof turnoutQuery>;

/** The alerts list shows the signals and the refused duplicate check-ins. */
export const ALERT_KINDS = [...INTEGRITY_SIGNALS, 'duplicate-check-in'] as const;

export const alertsQuery = z.strictObject({
  signal: z.enum(ALERT_KINDS, { error: `expected one of ${ALERT_KINDS.join(', ')}` }).optional(),
  precinctId: precinctIdField().optional(),
});
export type AlertsQuery = z.output<typeof alertsQuery>;
