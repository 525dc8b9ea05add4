import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate, uuid } from '../field-formats';
import {
  ABSENCE_CASE_KEY_DESCRIPTION,
  absenceCaseKey,
  absenceCaseShape,
  instant,
} from './absence-case-fields';

export const excuseWindowOpened = defineEvent({
  type: 'ExcuseWindowOpened',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  // the case's own stream: the window's instants, statements and decisions stay in excuses
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    electionDate: isoDate().describe('Polling day (local): the working days are counted after it.'),
    workingDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .describe('How many working days the window lasts, as the excuse-window policy in force said.'),
    lastWorkingDay: isoDate().describe('The last working day of the window (local date).'),
    closesAt: instant().describe(
      'The last instant an excuse counts as filed in time: 23:59:59 local time of lastWorkingDay, in UTC.',
    ),
    policies: z
      .strictObject({
        excuseWindow: uuid().describe('The adoption of excuses.excuse-window in force on electionDate.'),
        workingDayCalendar: uuid().describe(
          'The adoption of excuses.working-day-calendar in force on electionDate.',
        ),
      })
      .describe('The policy adoptions the window was computed from, so that a replay can show why.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    'An absence (VoterAbsent) opened its excuse window: the voter, or their commission, may document a valid reason ' +
    'until closesAt, the end of the 10th working day after the election (draft art. "Obligation to participate").',
});

export type ExcuseWindowOpenedPayload = PayloadOf<typeof excuseWindowOpened>;
export type ExcuseWindowOpened = NewEventOf<typeof excuseWindowOpened>;
