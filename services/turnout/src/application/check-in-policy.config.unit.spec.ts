import { ConfigurationError } from '@vl/config';
import { loadCheckInPolicy } from './check-in-policy.config';

describe('the check-in policy from the environment', () => {
  it('given nothing set, when loaded, then 30 minutes of grace, 120 s ahead and 16 h behind', () => {
    expect(loadCheckInPolicy({})).toEqual({
      graceAfterCloseMinutes: 30,
      deviceClockMaxAheadSeconds: 120,
      deviceClockMaxBehindHours: 16,
    });
  });

  it('given a commission decision of 45 minutes, when loaded, then the grace is 45 minutes', () => {
    expect(loadCheckInPolicy({ TURNOUT_CHECK_IN_GRACE_MINUTES: '45' }).graceAfterCloseMinutes).toBe(45);
  });

  it('given a grace of half an hour written as words, when loaded, then start-up stops naming the variable', () => {
    expect(() => loadCheckInPolicy({ TURNOUT_CHECK_IN_GRACE_MINUTES: 'half an hour' })).toThrow(
      new ConfigurationError(
        'configuration: TURNOUT_CHECK_IN_GRACE_MINUTES="half an hour" is invalid: expected whole minutes after PollsClosed',
      ),
    );
  });

  it('given a negative device clock tolerance, when loaded, then start-up stops', () => {
    expect(() => loadCheckInPolicy({ TURNOUT_DEVICE_CLOCK_MAX_AHEAD_SECONDS: '-5' })).toThrow(
      ConfigurationError,
    );
  });
});
