import type { Result } from '@vl/contracts';
import { DateTime } from 'luxon';
import type { ExcuseWindowPolicy } from './excuse-window-policy';
import { coversYear, isWorkingDay, type WorkingDayCalendar } from './working-day-calendar';

/** When an absence's excuse window closes, and how that was counted. */
export interface ExcuseWindow {
  readonly electionDate: string;
  readonly workingDays: number;
  /** the Nth working day after election day, local date */
  readonly lastWorkingDay: string;
  /** the last instant that counts: closesAtLocalTime on lastWorkingDay in the policy's zone, as a UTC instant */
  readonly closesAt: string;
  readonly timeZone: string;
}

export interface CalendarGap {
  readonly code: 'calendar-does-not-cover';
  readonly message: string;
}

const nextDay = (date: string): string =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string;

/**
 * Draft art. "Obligation to participate": documents within 10 working days after the election. Counting starts
 * the day after election day (never the day itself), skips weekend days and non-working holidays, and closes at
 * 23:59:59 local time on the last one. A window reaching a year the calendar does not list cannot be counted.
 */
export function excuseWindowClosesAt(
  electionDate: string,
  calendar: WorkingDayCalendar,
  policy: ExcuseWindowPolicy,
): Result<ExcuseWindow, CalendarGap> {
  // every absence of an election asks the same question: counted once per date, calendar and policy
  let ofCalendar = counted.get(calendar);
  if (!ofCalendar) counted.set(calendar, (ofCalendar = new WeakMap()));
  let ofPolicy = ofCalendar.get(policy);
  if (!ofPolicy) ofCalendar.set(policy, (ofPolicy = new Map()));
  let window = ofPolicy.get(electionDate);
  if (!window) ofPolicy.set(electionDate, (window = countWindow(electionDate, calendar, policy)));
  return window;
}

const counted = new WeakMap<
  WorkingDayCalendar,
  WeakMap<ExcuseWindowPolicy, Map<string, Result<ExcuseWindow, CalendarGap>>>
>();

function countWindow(
  electionDate: string,
  calendar: WorkingDayCalendar,
  policy: ExcuseWindowPolicy,
): Result<ExcuseWindow, CalendarGap> {
  let day = electionDate;
  let workingDays = 0;
  while (workingDays < policy.workingDays) {
    day = nextDay(day);
    const year = Number(day.slice(0, 4));
    if (!coversYear(calendar, year)) {
      return {
        ok: false,
        error: {
          code: 'calendar-does-not-cover',
          message:
            `the excuse window after ${electionDate} runs into ${year}, which the working-day calendar in force ` +
            `(${calendar.years.from}–${calendar.years.to}) does not list: adopt a calendar covering ${year}`,
        },
      };
    }
    if (isWorkingDay(day, calendar)) workingDays++;
  }
  const closesAt = DateTime.fromISO(`${day}T${policy.closesAtLocalTime}`, { zone: policy.timeZone })
    .toUTC()
    .toISO() as string;
  return {
    ok: true,
    value: {
      electionDate,
      workingDays: policy.workingDays,
      lastWorkingDay: day,
      closesAt,
      timeZone: policy.timeZone,
    },
  };
}

/** The window counts whole seconds: a filing stamped anywhere in the last second (23:59:59.999) is in time. */
export function windowClosedFrom(closesAt: string): string {
  return new Date(Date.parse(closesAt) + 1000).toISOString();
}

export interface LateFiling {
  readonly code: 'excuse-window-closed';
  readonly message: string;
}

/** An instant as the citizen's clock showed it, to the second: what a refusal quotes. */
export const wallClock = (instant: string, timeZone: string): string =>
  DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss');

/** Whether something dated `at` falls in the window; the refusal spells out the rule, as a citizen reads it. */
export function filedInTime(window: ExcuseWindow, at: string): Result<true, LateFiling> {
  if (Date.parse(at) < Date.parse(windowClosedFrom(window.closesAt))) return { ok: true, value: true };
  return {
    ok: false,
    error: {
      code: 'excuse-window-closed',
      message:
        `excuse deadline was ${wallClock(window.closesAt, window.timeZone)} ${window.timeZone} ` +
        `(the ${ordinal(window.workingDays)} working day after ${window.electionDate}); ` +
        `filed ${wallClock(at, window.timeZone)}`,
    },
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
