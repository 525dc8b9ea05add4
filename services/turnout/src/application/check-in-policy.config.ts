import { loadConfig, type Environment } from '@vl/config';
import { z } from 'zod';
import { DEFAULT_CHECK_IN_POLICY, type CheckInPolicy } from '../domain/check-in-policy';

export const CHECK_IN_POLICY = Symbol('CHECK_IN_POLICY');

const wholeNumber = (expected: string, fallback: number, max: number) =>
  z.coerce
    .number({ message: `expected ${expected}` })
    .int(`expected ${expected}`)
    .min(0)
    .max(max)
    .default(fallback);

const policySchema = z.object({
  TURNOUT_CHECK_IN_GRACE_MINUTES: wholeNumber(
    'whole minutes after PollsClosed',
    DEFAULT_CHECK_IN_POLICY.graceAfterCloseMinutes,
    24 * 60,
  ),
  TURNOUT_DEVICE_CLOCK_MAX_AHEAD_SECONDS: wholeNumber(
    'whole seconds',
    DEFAULT_CHECK_IN_POLICY.deviceClockMaxAheadSeconds,
    3600,
  ),
  TURNOUT_DEVICE_CLOCK_MAX_BEHIND_HOURS: wholeNumber(
    'whole hours',
    DEFAULT_CHECK_IN_POLICY.deviceClockMaxBehindHours,
    72,
  ),
});

/** The polling-day tolerances from the environment; a malformed value stops start-up naming the variable. */
export function loadCheckInPolicy(env?: Environment): CheckInPolicy {
  const config = loadConfig(policySchema, env);
  return {
    graceAfterCloseMinutes: config.TURNOUT_CHECK_IN_GRACE_MINUTES,
    deviceClockMaxAheadSeconds: config.TURNOUT_DEVICE_CLOCK_MAX_AHEAD_SECONDS,
    deviceClockMaxBehindHours: config.TURNOUT_DEVICE_CLOCK_MAX_BEHIND_HOURS,
  };
}
