import type { WorkingDayCalendarContent } from '@vl/contracts';
import { DateTime } from 'luxon';

export type WorkingDayCalendar = WorkingDayCalendarContent;

/** A local date YYYY-MM-DD is worked unless it is a weekend day or a listed non-working day. */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const weekday = DateTime.fromISO(date, { zone: 'utc' }).weekday;
  return (
    !calendar.weekendDays.some((day) => day === weekday) &&
    !calendar.holidays.some((holiday) => holiday.date === date)
  );
}

export const coversYear = (calendar: WorkingDayCalendar, year: number): boolean =>
  year >= calendar.years.from && year <= calendar.years.to;

// Labour Code of the Kyrgyz Republic (2025), non-working public holidays on fixed dates; since 2025 a holiday
// falling on a weekend is not moved. Defender of the Fatherland Day (23 Feb), People's April Revolution Day (7 Apr)
// and the Days of History and Commemoration of Ancestors (7-8 Nov) remain public holidays but are working days.
const FIXED_NON_WORKING_DAYS: readonly (readonly [string, string])[] = [
  ['01-01', 'New Year holidays'],
  ['01-02', 'New Year holidays'],
  ['01-03', 'New Year holidays'],
  ['01-04', 'New Year holidays'],
  ['01-05', 'New Year holidays'],
  ['01-06', 'New Year holidays'],
  ['01-07', 'Orthodox Christmas'],
  ['03-08', "International Women's Day"],
  ['03-21', 'Nooruz'],
  ['05-01', 'Labour Day (May holidays)'],
  ['05-02', 'May holidays'],
  ['05-03', 'May holidays'],
  ['05-04', 'May holidays'],
  ['05-05', 'Constitution Day (May holidays)'],
  ['05-06', 'May holidays'],
  ['05-07', 'May holidays'],
  ['05-08', 'May holidays'],
  ['05-09', 'Victory Day (May holidays)'],
  ['08-31', 'Independence Day'],
];

// Orozo Ait and Kurman Ait follow the lunar calendar: their dates are announced each year. 2025 and Orozo Ait
// 2026 as announced; the others are the expected dates, to be corrected by a new adoption once announced.
const MOVING_FEASTS: readonly (readonly [string, string])[] = [
  ['2025-03-30', 'Orozo Ait'],
  ['2025-06-06', 'Kurman Ait'],
  ['2026-03-20', 'Orozo Ait'],
  ['2026-05-27', 'Kurman Ait'],
  ['2027-03-10', 'Orozo Ait (expected date)'],
  ['2027-05-17', 'Kurman Ait (expected date)'],
  ['2028-02-27', 'Orozo Ait (expected date)'],
  ['2028-05-05', 'Kurman Ait (expected date)'],
  ['2029-02-15', 'Orozo Ait (expected date)'],
  ['2029-04-24', 'Kurman Ait (expected date)'],
  ['2030-02-05', 'Orozo Ait (expected date)'],
  ['2030-04-13', 'Kurman Ait (expected date)'],
  ['2031-01-25', 'Orozo Ait (expected date)'],
  ['2031-04-02', 'Kurman Ait (expected date)'],
];

// days off declared by an act for one year
const DECLARED_DAYS_OFF: readonly (readonly [string, string])[] = [
  ['2026-01-08', 'New Year holidays extended (Cabinet of Ministers, 2026)'],
  ['2026-01-09', 'New Year holidays extended (Cabinet of Ministers, 2026)'],
  ['2026-01-12', 'New Year holidays extended (Cabinet of Ministers, 2026)'],
];

const SEEDED_YEARS = { from: 2025, to: 2031 } as const;

/** The national working-day calendar a fresh stack adopts: Saturday and Sunday, and the dated holidays above. */
export const STATUTORY_WORKING_DAY_CALENDAR: WorkingDayCalendar = {
  weekendDays: [6, 7],
  years: { ...SEEDED_YEARS },
  holidays: datedEntries([
    ...seededYears().flatMap((year) =>
      FIXED_NON_WORKING_DAYS.map(([monthDay, name]) => [`${year}-${monthDay}`, name] as const),
    ),
    ...MOVING_FEASTS,
    ...DECLARED_DAYS_OFF,
  ]),
};

function seededYears(): number[] {
  return Array.from(
    { length: SEEDED_YEARS.to - SEEDED_YEARS.from + 1 },
    (_, index) => SEEDED_YEARS.from + index,
  );
}

// one entry per date, in date order: a moving feast on a fixed holiday (Kurman Ait on 5 May 2028) names both
function datedEntries(entries: readonly (readonly [string, string])[]): WorkingDayCalendar['holidays'] {
  const byDate = new Map<string, string[]>();
  for (const [date, name] of entries) byDate.set(date, [...(byDate.get(date) ?? []), name]);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, name: names.join('; ') }));
}
