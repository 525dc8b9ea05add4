import { addDays, ageOn, birthdayIn, dateOfDayNumber, dayNumber, isoDate, parseIsoDate } from './civil-date';

const date = (text: string) => {
  const parsed = parseIsoDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};

describe('civil dates', () => {
  it('parses only existing dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2030-02-29')).toBeNull();
    expect(parseIsoDate('2100-02-29')).toBeNull();
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('2030-13-01')).toBeNull();
    expect(parseIsoDate('2030-11-31')).toBeNull();
    expect(parseIsoDate('30-11-2030')).toBeNull();
  });

  it('counts days exactly: day numbers agree with the platform calendar for two centuries', () => {
    for (let days = -40_000; days <= 40_000; days += 7) {
      const expected = new Date(days * 86_400_000).toISOString().slice(0, 10);
      expect(isoDate(dateOfDayNumber(days))).toBe(expected);
      expect(dayNumber(date(expected))).toBe(days);
    }
    expect(isoDate(addDays(date('2028-02-28'), 1))).toBe('2028-02-29');
    expect(isoDate(addDays(date('2030-03-01'), -1))).toBe('2030-02-28');
  });

  it('given an 18th birthday on election day, then the person is 18 that day and 17 the day before', () => {
    expect(ageOn(date('2012-11-24'), date('2030-11-24'))).toBe(18);
    expect(ageOn(date('2012-11-25'), date('2030-11-24'))).toBe(17);
    expect(ageOn(date('2012-11-23'), date('2030-11-24'))).toBe(18);
  });

  it('given a 70th birthday on election day, then the person is 70 that day', () => {
    expect(ageOn(date('1960-11-24'), date('2030-11-24'))).toBe(70);
    expect(ageOn(date('1960-11-25'), date('2030-11-24'))).toBe(69);
  });

  it('given a birth on 29 February, then the birthday in a common year is 1 March, as voter-roll counts it', () => {
    expect(isoDate(birthdayIn(date('2012-02-29'), 2030))).toBe('2030-03-01');
    expect(isoDate(birthdayIn(date('2012-02-29'), 2032))).toBe('2032-02-29');
    expect(isoDate(birthdayIn(date('1996-02-29'), 2100))).toBe('2100-03-01');
    expect(ageOn(date('2012-02-29'), date('2030-02-28'))).toBe(17);
    expect(ageOn(date('2012-02-29'), date('2030-03-01'))).toBe(18);
    expect(ageOn(date('2012-02-28'), date('2030-02-28'))).toBe(18);
    expect(ageOn(date('2012-03-01'), date('2030-02-28'))).toBe(17);
  });
});
