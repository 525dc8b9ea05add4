import { bishkek, DAY, localTime, SEOUL_DAY } from './check-in.fixtures';
import {
  checkInAfterClose,
  checkInBeforeOpening,
  checkInRate,
  closeOfDaySignals,
  DEFAULT_INTEGRITY_THRESHOLDS as defaults,
  highTurnout,
  type PrecinctDayFigures,
} from './integrity-signals';

const P = '1101-011';
const signalsOf = (raised: readonly { signal: string }[]) => raised.map((alert) => alert.signal);

describe('high-turnout: 95% or more of the registered voters checked in', () => {
  const at = (checkedIn: number, registered: number) =>
    highTurnout({ precinctId: P, registered, checkedIn, observedAt: '2030-11-24T12:00:00.000Z' }, defaults);

  it('given 20 registered, when the 19th checks in (exactly 95%), then the signal is raised with its figures', () => {
    expect(at(19, 20)).toEqual([
      expect.objectContaining({
        signal: 'high-turnout',
        precinctId: P,
        occurrence: 'day',
        evidence: { registered: 20, checkedIn: 19, percent: 95, thresholdPercent: 95 },
      }),
    ]);
  });

  it('given 1000 registered, when 949 have checked in (94.9%), then nothing is raised', () => {
    expect(at(949, 1000)).toEqual([]);
    expect(signalsOf(at(950, 1000))).toEqual(['high-turnout']);
  });

  it('given a precinct with no registered voters yet, when check-ins are counted, then nothing is raised', () => {
    expect(at(3, 0)).toEqual([]);
  });
});

describe('check-in-rate: more than the configured check-ins in one minute at a precinct', () => {
  const minute = '2030-11-24T04:17:00.000Z';
  const rate = (before: number, after: number, checkInsPerMinute = 6) =>
    checkInRate({ precinctId: P, minute, before, after }, { ...defaults, checkInsPerMinute });

  it('given 6 in the minute (exactly the limit), when counted, then nothing is raised', () => {
    expect(rate(5, 6)).toEqual([]);
  });

  it('given 6 in the minute, when the 7th is counted, then the signal names the minute once', () => {
    expect(rate(6, 7)).toEqual([
      expect.objectContaining({
        signal: 'check-in-rate',
        observedAt: minute,
        occurrence: minute,
        evidence: { minute, checkInsInMinute: 7, limitPerMinute: 6 },
      }),
    ]);
    expect(rate(7, 8)).toEqual([]);
  });

  it('given a run of check-ins applied at once that goes past the limit, when counted, then it is raised', () => {
    expect(signalsOf(rate(2, 12))).toEqual(['check-in-rate']);
  });

  it('given a configured limit of 10, when the 10th and the 11th are counted, then only the 11th raises it', () => {
    expect(rate(9, 10, 10)).toEqual([]);
    expect(signalsOf(rate(10, 11, 10))).toEqual(['check-in-rate']);
  });
});

describe('check-in-after-close: a check-in recorded after the official close (a late offline sync)', () => {
  const closesAt = '2030-11-24T14:00:00.000Z';
  const recorded = (recordedAt: string) =>
    checkInAfterClose({
      precinctId: P,
      personalNumber: '21503199000017',
      checkedInAt: '2030-11-24T13:40:00.000Z',
      recordedAt,
      officialCloseAt: closesAt,
    });

  it('given a check-in recorded a millisecond before the close, when checked, then nothing is raised', () => {
    expect(recorded('2030-11-24T13:59:59.999Z')).toEqual([]);
  });

  it('given a check-in recorded exactly at the close, when checked, then it is raised', () => {
    expect(signalsOf(recorded(closesAt))).toEqual(['check-in-after-close']);
  });

  it('given a check-in recorded 25 minutes after the close, when checked, then the evidence says how late', () => {
    expect(recorded('2030-11-24T14:25:30.000Z')[0]?.evidence).toEqual({
      personalNumber: '21503199000017',
      checkedInAt: '2030-11-24T13:40:00.000Z',
      recordedAt: '2030-11-24T14:25:30.000Z',
      officialCloseAt: closesAt,
      minutesAfterClose: 25,
    });
  });
});

describe('check-in-before-opening: a poll book reports a time on polling day before the official opening', () => {
  const reported = (deviceTime: string, day = DAY) =>
    checkInBeforeOpening({
      precinctId: P,
      personalNumber: '21503199000017',
      checkedInAt: bishkek('07:20'),
      deviceId: 'pb-1101-011-a',
      deviceTime,
      day,
    });

  it('given a device time of 06:59:59.999, when checked, then it is raised once for the poll book with its evidence', () => {
    expect(reported(bishkek('06:59:59.999'))).toEqual([
      {
        signal: 'check-in-before-opening',
        precinctId: P,
        observedAt: bishkek('06:59:59.999'),
        occurrence: 'pb-1101-011-a',
        evidence: {
          personalNumber: '21503199000017',
          deviceId: 'pb-1101-011-a',
          deviceTime: bishkek('06:59:59.999'),
          checkedInAt: bishkek('07:20'),
          officialOpeningAt: bishkek('07:00'),
          minutesBeforeOpening: 1,
        },
        summary: `precinct ${P}: poll book pb-1101-011-a reported a check-in at 2030-11-24 06:59:59 Asia/Bishkek, before the official opening at 2030-11-24 07:00:00 Asia/Bishkek; it stands at 2030-11-24 07:20:00 Asia/Bishkek`,
      },
    ]);
  });

  it('given a device time at the official opening itself, when checked, then nothing is raised', () => {
    expect(reported(bishkek('07:00'))).toEqual([]);
  });

  it('given a device time at midnight of polling day, when checked, then it is raised; a millisecond before, on the eve, it is not', () => {
    expect(signalsOf(reported(bishkek('00:00')))).toEqual(['check-in-before-opening']);
    expect(reported(bishkek('23:59:59.999', '2030-11-23'))).toEqual([]);
  });

  it('given a precinct in Seoul, when its poll book reports 06:30 Seoul time (03:30 in Bishkek), then it is raised by Seoul hours', () => {
    expect(reported(localTime('Asia/Seoul', '06:30'), SEOUL_DAY)[0]?.evidence).toMatchObject({
      officialOpeningAt: localTime('Asia/Seoul', '07:00'),
      minutesBeforeOpening: 30,
    });
  });
});

describe('close of day: inclusion share, mobile-box share and last-hour spike', () => {
  const day = (figures: Partial<PrecinctDayFigures>): PrecinctDayFigures => ({
    precinctId: P,
    checkedIn: 100,
    inclusions: 0,
    mobileBox: 0,
    lastHour: 0,
    closesAt: '2030-11-24T14:00:00.000Z',
    ...figures,
  });
  const closing = (figures: Partial<PrecinctDayFigures>) =>
    signalsOf(closeOfDaySignals([day(figures)], defaults));

  it('given inclusions of exactly 10% of the check-ins, when the day closes, then nothing; 11 of 100 raises it', () => {
    expect(closing({ inclusions: 10 })).toEqual([]);
    expect(closing({ inclusions: 11 })).toEqual(['inclusion-share']);
  });

  it('given mobile-box check-ins of exactly 15%, when the day closes, then nothing; 16 of 100 raises it', () => {
    expect(closing({ mobileBox: 15 })).toEqual([]);
    expect(closing({ mobileBox: 16 })).toEqual(['mobile-box-share']);
  });

  it('given exactly 25% of the check-ins in the last hour, when the day closes, then nothing; 26 of 100 raises it', () => {
    expect(closing({ lastHour: 25 })).toEqual([]);
    expect(closing({ lastHour: 26 })).toEqual(['last-hour-spike']);
  });

  it('given 19 check-ins (below the minimum of 20), when every share is high, then nothing is raised', () => {
    expect(closing({ checkedIn: 19, inclusions: 19, mobileBox: 19, lastHour: 19 })).toEqual([]);
  });

  it('given exactly 20 check-ins, when every share is high, then all three are raised at the close with evidence', () => {
    const raised = closeOfDaySignals(
      [day({ checkedIn: 20, inclusions: 3, mobileBox: 4, lastHour: 6 })],
      defaults,
    );
    expect(signalsOf(raised)).toEqual(['inclusion-share', 'mobile-box-share', 'last-hour-spike']);
    expect(raised[0]).toEqual(
      expect.objectContaining({
        observedAt: '2030-11-24T14:00:00.000Z',
        evidence: { checkedIn: 20, inclusions: 3, sharePercent: 15, thresholdPercent: 10, minCheckIns: 20 },
      }),
    );
  });

  it('given two precincts, when the day closes, then each is judged on its own figures', () => {
    const raised = closeOfDaySignals(
      [day({ precinctId: '1101-001', mobileBox: 40 }), day({ precinctId: '1101-002', mobileBox: 5 })],
      defaults,
    );
    expect(raised.map((alert) => [alert.precinctId, alert.signal])).toEqual([
      ['1101-001', 'mobile-box-share'],
    ]);
  });
});
