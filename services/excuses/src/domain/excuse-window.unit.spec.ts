import { STATUTORY_EXCUSE_WINDOW } from './excuse-window-policy';
import { excuseWindowClosesAt, filedInTime, windowClosedFrom, type ExcuseWindow } from './excuse-window';
import { STATUTORY_WORKING_DAY_CALENDAR, type WorkingDayCalendar } from './working-day-calendar';

const plainWeeks: WorkingDayCalendar = { weekendDays: [6, 7], years: { from: 2030, to: 2031 }, holidays: [] };
const closes = (electionDate: string, calendar: WorkingDayCalendar = plainWeeks) => {
  const window = excuseWindowClosesAt(electionDate, calendar, STATUTORY_EXCUSE_WINDOW);
  if (!window.ok) throw new Error(window.error.message);
  return window.value;
};

describe('the excuse window: 10 working days after the election, closing 23:59:59 Asia/Bishkek', () => {
  it('given a Sunday election, when counted, then the window crosses a weekend and closes on the second Friday', () => {
    // Mon 25 .. Fri 29 are days 1-5, Sat 30 and Sun 1 are skipped, Mon 2 .. Fri 6 are days 6-10
    expect(closes('2030-11-24')).toEqual({
      electionDate: '2030-11-24',
      workingDays: 10,
      lastWorkingDay: '2030-12-06',
      closesAt: '2030-12-06T17:59:59.000Z',
      timeZone: 'Asia/Bishkek',
    });
  });

  it('given a holiday inside the window, when counted, then it is skipped and the window ends one working day later', () => {
    const withHoliday = { ...plainWeeks, holidays: [{ date: '2030-11-27', name: 'a declared day off' }] };
    expect(closes('2030-11-24', withHoliday).lastWorkingDay).toBe('2030-12-09');
  });

  it('given a holiday on what would be the last day, when counted, then the window closes on the next working day', () => {
    const onTheLastDay = { ...plainWeeks, holidays: [{ date: '2030-12-06', name: 'a declared day off' }] };
    expect(closes('2030-11-24', onTheLastDay)).toMatchObject({
      lastWorkingDay: '2030-12-09',
      closesAt: '2030-12-09T17:59:59.000Z',
    });
  });

  it('given an election on a working day (a Wednesday referendum), when counted, then election day itself is not one of the ten', () => {
    expect(closes('2030-11-20').lastWorkingDay).toBe('2030-12-04');
  });

  it('given the statutory calendar, when an election is held on 28 February 2027, then 8 March and Orozo Ait are skipped', () => {
    // Mon 1 .. Fri 5 March are days 1-5; Mon 8 (Women's Day) and Wed 10 (Orozo Ait) are not worked
    expect(closes('2027-02-28', STATUTORY_WORKING_DAY_CALENDAR)).toMatchObject({
      lastWorkingDay: '2027-03-16',
      closesAt: '2027-03-16T17:59:59.000Z',
    });
  });

  it('given the statutory calendar, when an election is held on 26 April 2026, then the May holidays (1-9 May) are skipped', () => {
    // 27-30 April are days 1-4; 1-10 May are holidays or weekend; 11-15 May are days 5-9, 18 May day 10
    expect(closes('2026-04-26', STATUTORY_WORKING_DAY_CALENDAR).lastWorkingDay).toBe('2026-05-18');
  });

  it('given a window running into a year the calendar does not list, when counted, then it is refused naming the year', () => {
    expect(excuseWindowClosesAt('2031-12-28', plainWeeks, STATUTORY_EXCUSE_WINDOW)).toEqual({
      ok: false,
      error: {
        code: 'calendar-does-not-cover',
        message:
          'the excuse window after 2031-12-28 runs into 2032, which the working-day calendar in force (2030–2031) ' +
          'does not list: adopt a calendar covering 2032',
      },
    });
  });

  describe('the exact instant', () => {
    const window: ExcuseWindow = closes('2030-11-24');

    it('given the last second of the last working day, when a filing is stamped 23:59:59.999 local, then it is in time', () => {
      expect(filedInTime(window, '2030-12-06T17:59:59.999Z')).toEqual({ ok: true, value: true });
    });

    it('given midnight after the last working day, when a filing is stamped 00:00:00.000 local, then it is late and the rule is spelled out', () => {
      expect(filedInTime(window, '2030-12-06T18:00:00.000Z')).toEqual({
        ok: false,
        error: {
          code: 'excuse-window-closed',
          message:
            'excuse deadline was 2030-12-06 23:59:59 Asia/Bishkek (the 10th working day after 2030-11-24); ' +
            'filed 2030-12-07 00:00:00',
        },
      });
    });

    it('given closesAt, when the window is closed from, then it is the next second: midnight local', () => {
      expect(windowClosedFrom(window.closesAt)).toBe('2030-12-06T18:00:00.000Z');
    });
  });
});
