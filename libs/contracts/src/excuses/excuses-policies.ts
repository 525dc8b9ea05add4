import { z } from 'zod';
import { ianaTimeZone, isoDate, text } from '../field-formats';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';
import { EXCUSE_CATEGORIES, excuseCategory, REGISTRY_OF_CATEGORY } from './excuse-categories';

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
    appealWorkingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe('Working days after a rejection within which it may be appealed to the district commission.'),
    documentRetentionDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .describe("Days a case's document files are kept after the case is decided finally; then deleted."),
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

const COVERAGES = ['whole-polling-hours', 'any-part'] as const;
export type Coverage = (typeof COVERAGES)[number];

export const exemptionCategoriesKind = definePolicyKind({
  kind: 'excuses.exemption-categories',
  owner: 'excuses',
  adoptedBy: 'cec',
  eventType: 'ExemptionCategoriesAdopted',
  content: z.strictObject({
    categories: z
      .array(
        z.strictObject({
          category: excuseCategory(),
          automatic: z
            .boolean()
            .describe(
              'Established from its registry without documents (REGISTRY_OF_CATEGORY); false: only by a filed case.',
            ),
          documentTypes: z
            .array(text(1, 80))
            .max(20)
            .describe(
              'The documents a filed case of this category must carry one of; empty: a statement suffices.',
            ),
        }),
      )
      .max(EXCUSE_CATEGORIES.length)
      .superRefine((entries, context) => {
        const seen = new Set<string>();
        entries.forEach(({ category, automatic }, index) => {
          if (seen.has(category))
            context.addIssue({
              code: 'custom',
              path: [index, 'category'],
              message: 'expected each category once',
            });
          seen.add(category);
          if (automatic && REGISTRY_OF_CATEGORY[category] === null)
            context.addIssue({
              code: 'custom',
              path: [index, 'automatic'],
              message: `expected false: no registry establishes ${category}`,
            });
        });
      })
      .describe(
        'Every valid reason the law admits, in the order automatic ones are tried; one not listed is none.',
      ),
    overAge: z
      .strictObject({
        years: z.number().int().min(1).max(150).describe('The age the law names: 70.'),
        birthdayOnElectionDay: z
          .enum(['not-over', 'over'])
          .describe('A voter whose 70th birthday is election day is 70, not over 70: not-over.'),
        leapDayBirthday: z
          .enum(['february-28', 'march-1'])
          .describe('Where the birthday of a 29 February birth falls in a common year.'),
      })
      .describe('"Over 70 years old", read on the election date.'),
    abroad: z
      .enum(COVERAGES)
      .describe(
        'Abroad on election day: out of the country for the whole polling hours, or any part of them.',
      ),
    onDuty: z
      .enum(COVERAGES)
      .describe('A duty roster excuses when its periods cover the whole polling hours, or any part of them.'),
    naturalDisaster: z
      .enum(COVERAGES)
      .describe(
        "A disaster declared for the voter's precinct excuses when it covers the whole polling hours, or any part.",
      ),
  }),
  description:
    'The valid reasons for not appearing (draft law, five categories): which are established automatically from a ' +
    'registry and which need documents, and how each registry fact is read against the polling hours.',
});

export type ExemptionCategoriesContent = PolicyContentOf<typeof exemptionCategoriesKind>;
