import { z } from 'zod';
import { ianaTimeZone, isoDate, text } from '../field-formats';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';

const TIME_WITH_SECONDS = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$/;
const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const excuseWindowPolicyKind = definePolicyKind({
  kind: 'excuses.excuse-window',
  owner: 'excuses',
  adoptedBy: 'cec',
  eventType: 'ExcuseWindowPolicyAdopted',
  content: z.strictObject({
    workingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe('Working days after election day within which a valid reason is documented (the draft: 10).'),
    closesAtLocalTime: z
      .string()
      .regex(TIME_WITH_SECONDS, { error: 'expected a time HH:MM:SS (00:00:00 to 23:59:59)' })
      .describe('The last second of the last working day that still counts, local time (23:59:59).'),
    timeZone: ianaTimeZone().describe('The zone the deadline is read in: Asia/Bishkek.'),
  }),
  description:
    'The excuse window: how many working days after the election a voter has to document a valid reason for not ' +
    'taking part, and when on the last one it closes.',
});

const holiday = z.strictObject({
  date: isoDate().describe('A non-working day, local date.'),
  name: text(1, 120).describe('Why the day is not worked: the holiday, or the act that declared it.'),
});

export const workingDayCalendarKind = definePolicyKind({
  kind: 'excuses.working-day-calendar',
  owner: 'excuses',
  adoptedBy: 'cec',
  eventType: 'WorkingDayCalendarAdopted',
  content: z
    .strictObject({
      weekendDays: z
        .array(z.union(ISO_WEEKDAYS.map((day) => z.literal(day))))
        .max(6)
        .refine((days) => new Set(days).size === days.length, { error: 'expected each weekday once' })
        .describe('Days of the week that are never worked, ISO numbering (1 Monday … 7 Sunday).'),
      years: z
        .strictObject({
          from: z.number().int().min(2000).max(2100),
          to: z.number().int().min(2000).max(2100),
        })
        .refine(({ from, to }) => from <= to, { error: 'expected from <= to', path: ['to'] })
        .describe(
          'The years whose non-working days are all listed: a window reaching outside them cannot be counted.',
        ),
      holidays: z
        .array(holiday)
        .max(1000)
        .describe('Every non-working day of those years besides the weekend days, as dated entries.'),
    })
    .superRefine(({ years, holidays }, context) => {
      const seen = new Set<string>();
      holidays.forEach(({ date }, index) => {
        const year = Number(date.slice(0, 4));
        if (year < years.from || year > years.to)
          context.addIssue({
            code: 'custom',
            path: ['holidays', index, 'date'],
            message: `expected a date in ${years.from}–${years.to} (years)`,
          });
        if (seen.has(date))
          context.addIssue({
            code: 'custom',
            path: ['holidays', index, 'date'],
            message: 'expected each date once',
          });
        seen.add(date);
      });
    }),
  description:
    'The national working-day calendar the excuse window is counted on: weekend days and the non-working public ' +
    'holidays of the Kyrgyz Republic (Labour Code), the moving feasts Orozo Ait and Kurman Ait as dated entries per year.',
});

export type ExcuseWindowPolicyContent = PolicyContentOf<typeof excuseWindowPolicyKind>;
export type WorkingDayCalendarContent = PolicyContentOf<typeof workingDayCalendarKind>;
