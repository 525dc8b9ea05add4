import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { actedBy, personalNumber } from '../voter-roll/voter-roll-fields';
import { instant } from './absence-case-fields';
import { DUTY_CATEGORIES } from './excuse-categories';

export const dutyPeriodRecorded = defineEvent({
  type: 'DutyPeriodRecorded',
  owner: 'excuses',
  stream: 'registry-facts',
  version: 1,
  // who was on duty when, and for whom: it never leaves excuses (docs/ballot-secrecy.md)
  ownerOnly: true,
  schema: z.strictObject({
    personalNumber: personalNumber().describe('The citizen on duty.'),
    category: z
      .enum(DUTY_CATEGORIES)
      .describe('The valid reason the roster establishes; each submitting body may name only its own.'),
    from: instant().describe('Start of the duty period, in UTC.'),
    to: instant().describe('End of the duty period, in UTC; later than from.'),
    submittedBy: actedBy(
      'The submitting body: the role of its token (ministry:defence, ministry:internal-affairs, employer:<id>) and its subject.',
    ),
  }),
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: "personalNumber: one citizen's registry facts are read in order",
  description:
    'A duty roster placed a citizen on duty for a period: military service in a remote area, law enforcement on ' +
    'duty, or work of an enterprise with a continuous cycle (draft law, valid reasons for not appearing).',
});

export type DutyPeriodRecordedPayload = PayloadOf<typeof dutyPeriodRecorded>;
export type DutyPeriodRecorded = NewEventOf<typeof dutyPeriodRecorded>;
