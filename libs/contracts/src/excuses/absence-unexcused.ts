import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate, uuid } from '../field-formats';
import { ABSENCE_CASE_KEY_DESCRIPTION, absenceCaseKey, absenceCaseShape } from './absence-case-fields';

export const absenceUnexcused = defineEvent({
  type: 'AbsenceUnexcused',
  owner: 'excuses',
  stream: 'absence-outcomes',
  version: 1,
  schema: z.strictObject({
    ...absenceCaseShape,
    electionDate: isoDate().describe('Polling day (local): sanctions apply the policy in force on it.'),
    lastWorkingDay: isoDate().describe(
      'The last working day of the window that closed without a valid reason.',
    ),
    policies: z
      .strictObject({
        excuseWindow: uuid(),
        workingDayCalendar: uuid(),
        exemptionCategories: uuid(),
      })
      .describe('The policy adoptions in force on electionDate the outcome was decided with.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    'The excuse window closed with no valid reason and no case still to decide: a violation (DOMAIN "Sanctions"). ' +
    'A later accepted appeal or claim records AbsenceExcused with annulsUnexcused.',
});

export type AbsenceUnexcusedPayload = PayloadOf<typeof absenceUnexcused>;
export type AbsenceUnexcused = NewEventOf<typeof absenceUnexcused>;
