import { ConfigurationError } from '@vl/config';
import { DRILL_MODE_CONFIRMATION, loadClockConfig } from './clock-config';

describe('clock configuration', () => {
  it('given nothing, when loaded, then the service runs on the system clock', () => {
    expect(loadClockConfig({})).toMatchObject({ CLOCK: 'system', DRILL_CLOCK_SCHEMA: 'drill_clock' });
  });

  it('given CLOCK=drill with the drill flag, when loaded, then the drill clock is allowed', () => {
    expect(loadClockConfig({ CLOCK: 'drill', DRILL_MODE: DRILL_MODE_CONFIRMATION })).toMatchObject({
      CLOCK: 'drill',
    });
  });

  it('given CLOCK=drill without the drill flag, when loaded, then one line names DRILL_MODE', () => {
    const load = () => loadClockConfig({ CLOCK: 'drill' });
    expect(load).toThrow(ConfigurationError);
    expect(load).toThrow(
      `configuration: DRILL_MODE is missing: CLOCK=drill runs only with DRILL_MODE=${DRILL_MODE_CONFIRMATION}`,
    );
    expect(() => loadClockConfig({ CLOCK: 'drill', DRILL_MODE: 'yes' })).toThrow(
      /DRILL_MODE="yes" is invalid/,
    );
  });

  it('given NODE_ENV=production, when CLOCK=drill even with the drill flag, then start-up is refused naming CLOCK', () => {
    expect(() =>
      loadClockConfig({ CLOCK: 'drill', DRILL_MODE: DRILL_MODE_CONFIRMATION, NODE_ENV: 'production' }),
    ).toThrow(
      'configuration: CLOCK="drill" is invalid: a production configuration (NODE_ENV=production) never runs on a drill clock',
    );
  });

  it('given an unknown clock, when loaded, then it says what is expected', () => {
    expect(() => loadClockConfig({ CLOCK: 'ntp' })).toThrow(
      'configuration: CLOCK="ntp" is invalid: expected system (the default) or drill',
    );
  });
});
