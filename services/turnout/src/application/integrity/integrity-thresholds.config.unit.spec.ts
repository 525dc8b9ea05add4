import { ConfigurationError } from '@vl/config';
import { loadIntegrityThresholds } from './integrity-thresholds.config';

describe('the integrity thresholds from the environment', () => {
  it('given nothing set, when loaded, then 95%, 6 a minute, shares of 10%, 15% and 25% from 20 check-ins', () => {
    expect(loadIntegrityThresholds({})).toEqual({
      highTurnoutPercent: 95,
      checkInsPerMinute: 6,
      inclusionSharePercent: 10,
      mobileBoxSharePercent: 15,
      lastHourSharePercent: 25,
      shareMinCheckIns: 20,
    });
  });

  it('given a station with two desks, when 12 a minute is configured, then the rate limit is 12', () => {
    expect(loadIntegrityThresholds({ TURNOUT_ALERT_CHECK_INS_PER_MINUTE: '12' }).checkInsPerMinute).toBe(12);
  });

  it('given a share above 100 or a fractional rate, when loaded, then start-up stops naming the variable', () => {
    expect(() => loadIntegrityThresholds({ TURNOUT_ALERT_HIGH_TURNOUT_PERCENT: '101' })).toThrow(
      new ConfigurationError(
        'configuration: TURNOUT_ALERT_HIGH_TURNOUT_PERCENT="101" is invalid: expected a percentage from 0 to 100',
      ),
    );
    expect(() => loadIntegrityThresholds({ TURNOUT_ALERT_CHECK_INS_PER_MINUTE: '6.5' })).toThrow(
      ConfigurationError,
    );
  });
});
