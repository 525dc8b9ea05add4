import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate } from '../field-formats';
import { checkInShape, VOTER_KEY_DESCRIPTION, voterKey } from './check-in-fields';

// docs/ballot-secrecy.md: what leaves turnout says that, never where, when, how or in which order
export const participationRecorded = defineEvent({
  type: 'ParticipationRecorded',
  owner: 'turnout',
  stream: 'participation',
  version: 1,
  schema: z.strictObject({
    ...checkInShape,
    electionDate: isoDate().describe("The election's polling day: the only time another service needs."),
  }),
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  description:
    'A registered voter took part: a standing check-in when participation was finalized. What other services ' +
    '(lottery vouchers, benefits) learn of a check-in: no precinct, time, method, device or sequence. Derived ' +
    'after ParticipationFinalized in personal-number order, never in check-in order (docs/ballot-secrecy.md).',
});

export type ParticipationRecordedPayload = PayloadOf<typeof participationRecorded>;
export type ParticipationRecorded = NewEventOf<typeof participationRecorded>;
