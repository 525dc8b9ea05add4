import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate, uuid } from '../field-formats';
import { ABSENCE_CASE_KEY_DESCRIPTION, absenceCaseKey, absenceCaseShape } from './absence-case-fields';
import { excuseBasis } from './excuse-basis';

export const absenceExcused = defineEvent({
  type: 'AbsenceExcused',
  owner: 'excuses',
  stream: 'absence-outcomes',
  version: 1,
  schema: z.strictObject({
    ...absenceCaseShape,
    electionDate: isoDate().describe('Polling day (local): sanctions apply the policy in force on it.'),
    basis: excuseBasis.describe(
      'Why the absence is excused: the category and its source, or the decided case.',
    ),
    excusedOn: isoDate().describe(
      'The local date it was established: a date, never a time (docs/ballot-secrecy.md).',
    ),
    annulsUnexcused: z
      .boolean()
      .describe('True when the absence had been recorded unexcused: the violation it started is annulled.'),
    exemptionPolicy: uuid()
      .nullable()
      .describe(
        'The adoption of excuses.exemption-categories a registry exemption was read with; null for a case.',
      ),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    'An absence has a valid reason: established from a registry, or by a case the commission accepted, an appeal ' +
    'upheld or an "I did vote" claim upheld. Recorded once per absence; after AbsenceUnexcused it annuls the violation.',
});

export type AbsenceExcusedPayload = PayloadOf<typeof absenceExcused>;
export type AbsenceExcused = NewEventOf<typeof absenceExcused>;
