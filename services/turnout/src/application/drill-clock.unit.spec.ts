import { ConfigurationError } from '@vl/config';
import { drillClock } from './drill-clock';
import { loadPollingDayDrill } from './drill-clock.config';

describe('the polling-day drill clock', () => {
  const realClock = (startMs: number) => {
    let now = startMs;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('given a drill from 06:55 Bishkek at 300×, when 2 real seconds pass, then the clock reads 07:05', () => {
    const real = realClock(Date.parse('2026-11-23T03:00:00Z'));
    const clock = drillClock({ startsAt: '2030-11-24T00:55:00.000Z', speed: 300 }, real.now);
    expect(clock.now().toISOString()).toBe('2030-11-24T00:55:00.000Z');
    real.advance(2_000);
    expect(clock.now().toISOString()).toBe('2030-11-24T01:05:00.000Z');
  });

  it('given a drill at 1×, when 1.5 real seconds pass, then the clock moves 1.5 seconds from the start', () => {
    const real = realClock(1_000);
    const clock = drillClock({ startsAt: '2030-11-24T01:00:00.000Z', speed: 1 }, real.now);
    real.advance(1_500);
    expect(clock.now().toISOString()).toBe('2030-11-24T01:00:01.500Z');
  });

  it('given the clock is made later than the real boot, when read, then it counts from when it was made', () => {
    const real = realClock(0);
    real.advance(60_000);
    const clock = drillClock({ startsAt: '2030-11-24T01:00:00.000Z', speed: 60 }, real.now);
    real.advance(1_000);
    expect(clock.now().toISOString()).toBe('2030-11-24T01:01:00.000Z');
  });
});

describe('the polling-day drill from the environment', () => {
  it('given nothing set, when loaded, then there is no drill: the system clock', () => {
    expect(loadPollingDayDrill({})).toBeUndefined();
  });

  it('given a start with an offset and a speed, when loaded, then the start is UTC and the speed kept', () => {
    expect(
      loadPollingDayDrill({
        POLLING_DAY_DRILL_START: '2030-11-24T06:55:00+06:00',
        POLLING_DAY_DRILL_SPEED: '300',
      }),
    ).toEqual({ startsAt: '2030-11-24T00:55:00.000Z', speed: 300 });
  });

  it('given a start without a speed, when loaded, then the drill runs at real speed', () => {
    expect(loadPollingDayDrill({ POLLING_DAY_DRILL_START: '2030-11-24T00:55:00Z' })).toEqual({
      startsAt: '2030-11-24T00:55:00.000Z',
      speed: 1,
    });
  });

  it('given a start that is a date only, when loaded, then start-up stops naming the variable', () => {
    expect(() => loadPollingDayDrill({ POLLING_DAY_DRILL_START: '2030-11-24' })).toThrow(
      new ConfigurationError(
        'configuration: POLLING_DAY_DRILL_START="2030-11-24" is invalid: expected an ISO 8601 instant, e.g. 2030-11-24T06:30:00+06:00',
      ),
    );
  });

  it.each(['0', '-2', '3601', 'fast'])('given a speed of %s, when loaded, then start-up stops', (speed) => {
    expect(() =>
      loadPollingDayDrill({
        POLLING_DAY_DRILL_START: '2030-11-24T00:55:00Z',
        POLLING_DAY_DRILL_SPEED: speed,
      }),
    ).toThrow(
      /POLLING_DAY_DRILL_SPEED=".*" is invalid: expected drill seconds per real second, from 1 to 3600/,
    );
  });

  it('given a speed without a start, when loaded, then start-up stops naming what is missing', () => {
    expect(() => loadPollingDayDrill({ POLLING_DAY_DRILL_SPEED: '300' })).toThrow(
      /POLLING_DAY_DRILL_SPEED="300" is invalid: a drill speed needs POLLING_DAY_DRILL_START/,
    );
  });
});
