import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  checkInShape,
  instantField,
  precinctIdField,
  VOTER_KEY_DESCRIPTION,
  voterKey,
} from './check-in-fields';

export const duplicateCheckInRejected = defineEvent({
  type: 'DuplicateCheckInRejected',
  owner: 'turnout',
  stream: 'check-ins',
  version: 1,
  schema: z.strictObject({
    ...checkInShape,
    attemptedPrecinctId: precinctIdField().describe('Where the second attempt was made.'),
    attemptedAt: instantField().describe(
      'When the second attempt was made (trusted device time or server time).',
    ),
    firstPrecinctId: precinctIdField().describe('Where the check-in that stands was made.'),
    firstCheckedInAt: instantField().describe('When the check-in that stands was made.'),
  }),
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    'An integrity alert: a voter who already has a check-in in this election was presented again, anywhere in ' +
    'the country (DOMAIN: one check-in per voter per election, nationwide). The attempt was refused; the first ' +
    'check-in stands.',
});

export type DuplicateCheckInRejectedPayload = PayloadOf<typeof duplicateCheckInRejected>;
export type DuplicateCheckInRejected = NewEventOf<typeof duplicateCheckInRejected>;
