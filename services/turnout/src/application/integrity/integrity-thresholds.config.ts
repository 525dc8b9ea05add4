import { loadConfig, type Environment } from '@vl/config';
import { z } from 'zod';
import {
  DEFAULT_INTEGRITY_THRESHOLDS as defaults,
  type IntegrityThresholds,
} from '../../domain/integrity-signals';

export const INTEGRITY_THRESHOLDS = Symbol('INTEGRITY_THRESHOLDS');

const number = (expected: string, fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: `expected ${expected}` })
    .min(min, `expected ${expected}`)
    .max(max, `expected ${expected}`)
    .default(fallback);
const share = (fallback: number) => number('a percentage from 0 to 100', fallback, 0, 100);

const thresholdsSchema = z.object({
  TURNOUT_ALERT_HIGH_TURNOUT_PERCENT: share(defaults.highTurnoutPercent),
  TURNOUT_ALERT_CHECK_INS_PER_MINUTE: number(
    'whole check-ins per minute',
    defaults.checkInsPerMinute,
    1,
    10_000,
  ).pipe(z.number().int('expected whole check-ins per minute')),
  TURNOUT_ALERT_INCLUSION_SHARE_PERCENT: share(defaults.inclusionSharePercent),
  TURNOUT_ALERT_MOBILE_BOX_SHARE_PERCENT: share(defaults.mobileBoxSharePercent),
  TURNOUT_ALERT_LAST_HOUR_SHARE_PERCENT: share(defaults.lastHourSharePercent),
  TURNOUT_ALERT_SHARE_MIN_CHECK_INS: number('whole check-ins', defaults.shareMinCheckIns, 0, 1_000_000).pipe(
    z.number().int('expected whole check-ins'),
  ),
});

/** The integrity thresholds from the environment; a malformed value stops start-up naming the variable. */
export function loadIntegrityThresholds(env?: Environment): IntegrityThresholds {
  const config = loadConfig(thresholdsSchema, env);
  return {
    highTurnoutPercent: config.TURNOUT_ALERT_HIGH_TURNOUT_PERCENT,
    checkInsPerMinute: config.TURNOUT_ALERT_CHECK_INS_PER_MINUTE,
    inclusionSharePercent: config.TURNOUT_ALERT_INCLUSION_SHARE_PERCENT,
    mobileBoxSharePercent: config.TURNOUT_ALERT_MOBILE_BOX_SHARE_PERCENT,
    lastHourSharePercent: config.TURNOUT_ALERT_LAST_HOUR_SHARE_PERCENT,
    shareMinCheckIns: config.TURNOUT_ALERT_SHARE_MIN_CHECK_INS,
  };
}
