import {
  EXCUSE_CATEGORIES,
  excuseWindowPolicyKind,
  exemptionCategoriesKind,
  parsePolicyContent,
  workingDayCalendarKind,
} from '@vl/contracts';
import { STATUTORY_EXCUSE_WINDOW } from './excuse-window-policy';
import { STATUTORY_EXEMPTION_CATEGORIES } from './exemption-categories-policy';
import { STATUTORY_WORKING_DAY_CALENDAR } from './working-day-calendar';

describe('excuses.excuse-window policy', () => {
  it('given the statutory seed, when parsed, then it is valid: 10 working days, 23:59:59 Asia/Bishkek', () => {
    expect(parsePolicyContent(excuseWindowPolicyKind, STATUTORY_EXCUSE_WINDOW)).toEqual({
      ok: true,
      value: {
        workingDays: 10,
        closesAtLocalTime: '23:59:59',
        timeZone: 'Asia/Bishkek',
        appealWorkingDays: 5,
        documentRetentionDays: 365,
      },
    });
  });

  it.each([
    ['workingDays', -1, 'expected at least 1'],
    ['workingDays', 0, 'expected at least 1'],
    ['workingDays', 61, 'expected at most 60'],
    ['closesAtLocalTime', '24:00:00', 'expected a time HH:MM:SS (00:00:00 to 23:59:59)'],
    ['timeZone', '+06:00', 'expected an IANA time zone name such as Asia/Bishkek'],
  ])('given %s = %j, when parsed, then that field is refused: %s', (field, value, rule) => {
    expect(
      parsePolicyContent(excuseWindowPolicyKind, { ...STATUTORY_EXCUSE_WINDOW, [field]: value }),
    ).toEqual({
      ok: false,
      error: [{ path: `content.${field}`, rule }],
    });
  });

  it('given an unknown field, when parsed, then it is refused by name', () => {
    expect(parsePolicyContent(excuseWindowPolicyKind, { ...STATUTORY_EXCUSE_WINDOW, graceDays: 2 })).toEqual({
      ok: false,
      error: [{ path: 'content.graceDays', rule: 'unknown field: the contract does not allow it' }],
    });
  });
});

describe('excuses.working-day-calendar policy', () => {
  const dates = STATUTORY_WORKING_DAY_CALENDAR.holidays.map((holiday) => holiday.date);

  it('given the statutory seed, when parsed, then it is valid and lists 2025-2031 with Saturday and Sunday off', () => {
    expect(parsePolicyContent(workingDayCalendarKind, STATUTORY_WORKING_DAY_CALENDAR).ok).toBe(true);
    expect(STATUTORY_WORKING_DAY_CALENDAR.weekendDays).toEqual([6, 7]);
    expect(STATUTORY_WORKING_DAY_CALENDAR.years).toEqual({ from: 2025, to: 2031 });
  });

  it("given the seed, when a year is read, then it holds the Labour Code non-working holidays and that year's feasts", () => {
    const of2027 = dates.filter((date) => date.startsWith('2027-'));
    expect(of2027).toEqual([
      ...['01', '02', '03', '04', '05', '06', '07'].map((day) => `2027-01-${day}`),
      '2027-03-08',
      '2027-03-10',
      '2027-03-21',
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((day) => `2027-05-${day}`),
      '2027-05-17',
      '2027-08-31',
    ]);
  });

  it('given the seed, when the public holidays that the 2025 Labour Code keeps as working days are looked for, then none is a day off', () => {
    for (const monthDay of ['02-23', '04-07', '11-07', '11-08'])
      expect(dates.filter((date) => date.endsWith(monthDay))).toEqual([]);
  });

  it('given a moving feast on a fixed holiday (Kurman Ait on 5 May 2028), when seeded, then the date is listed once naming both', () => {
    expect(
      STATUTORY_WORKING_DAY_CALENDAR.holidays.filter((holiday) => holiday.date === '2028-05-05'),
    ).toEqual([{ date: '2028-05-05', name: 'Constitution Day (May holidays); Kurman Ait (expected date)' }]);
  });

  it('given a holiday outside the listed years, when parsed, then that entry is refused', () => {
    const content = {
      ...STATUTORY_WORKING_DAY_CALENDAR,
      holidays: [
        ...STATUTORY_WORKING_DAY_CALENDAR.holidays,
        { date: '2032-01-01', name: 'New Year holidays' },
      ],
    };
    const parsed = parsePolicyContent(workingDayCalendarKind, content);
    expect(parsed).toEqual({
      ok: false,
      error: [
        {
          path: `content.holidays[${STATUTORY_WORKING_DAY_CALENDAR.holidays.length}].date`,
          rule: 'expected a date in 2025–2031 (years)',
        },
      ],
    });
  });

  it.each([
    [
      'a date listed twice',
      'content.holidays[1].date',
      {
        holidays: [
          { date: '2030-01-01', name: 'a' },
          { date: '2030-01-01', name: 'b' },
        ],
      },
    ],
    ['a weekday 8', 'content.weekendDays[1]', { weekendDays: [6, 8] }],
    ['a weekday listed twice', 'content.weekendDays', { weekendDays: [7, 7] }],
    ['years backwards', 'content.years.to', { years: { from: 2031, to: 2030 }, holidays: [] }],
    [
      'an unknown field in an entry',
      'content.holidays[0].paid',
      { holidays: [{ date: '2030-01-01', name: 'a', paid: true }] },
    ],
  ])('given %s, when parsed, then it is refused at %s', (_, path, change) => {
    const content = { weekendDays: [6, 7], years: { from: 2030, to: 2031 }, holidays: [], ...change };
    const parsed = parsePolicyContent(workingDayCalendarKind, content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((issue) => issue.path)).toContain(path);
  });
});

describe('excuses.exemption-categories policy', () => {
  it('given the statutory seed, when parsed, then it is valid and lists all nine categories once', () => {
    const parsed = parsePolicyContent(exemptionCategoriesKind, STATUTORY_EXEMPTION_CATEGORIES);
    expect(parsed.ok).toBe(true);
    expect(STATUTORY_EXEMPTION_CATEGORIES.categories.map((entry) => entry.category).sort()).toEqual(
      [...EXCUSE_CATEGORIES].sort(),
    );
  });

  it('given serious illness made automatic, when parsed, then it is refused: no registry establishes it', () => {
    const content = {
      ...STATUTORY_EXEMPTION_CATEGORIES,
      categories: STATUTORY_EXEMPTION_CATEGORIES.categories.map((entry) =>
        entry.category === 'serious-illness' ? { ...entry, automatic: true } : entry,
      ),
    };
    const parsed = parsePolicyContent(exemptionCategoriesKind, content);
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).toContain('no registry establishes serious-illness');
  });

  it('given a category listed twice, when parsed, then it is refused naming the entry', () => {
    const [first] = STATUTORY_EXEMPTION_CATEGORIES.categories;
    const content = { ...STATUTORY_EXEMPTION_CATEGORIES, categories: [first, first] };
    expect(JSON.stringify(parsePolicyContent(exemptionCategoriesKind, content))).toContain(
      'expected each category once',
    );
  });
});
