import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text } from '../field-formats';
import { actedBy, personalNumber } from '../voter-roll/voter-roll-fields';
import { instant } from './absence-case-fields';

export const BORDER_DIRECTIONS = ['exit', 'entry'] as const;
export type BorderDirection = (typeof BORDER_DIRECTIONS)[number];

export const borderCrossingRecorded = defineEvent({
  type: 'BorderCrossingRecorded',
  owner: 'excuses',
  stream: 'registry-facts',
  version: 1,
  // where a person was at an instant: it never leaves excuses (docs/ballot-secrecy.md)
  ownerOnly: true,
  schema: z.strictObject({
    personalNumber: personalNumber().describe('The citizen who crossed the border.'),
    direction: z.enum(BORDER_DIRECTIONS).describe('exit: left the country; entry: came back.'),
    at: instant().describe(
      'When the crossing was recorded, in UTC (the Border Service sends it with its offset).',
    ),
    crossingPoint: text(1, 120).describe('The crossing point, as the Border Service names it.'),
    recordedBy: actedBy(
      'Who submitted the record: the Border Service (ministry:border-service) and its token subject.',
    ),
  }),
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: "personalNumber: one citizen's registry facts are read in order",
  description:
    'The Border Service recorded that a citizen left or entered the country: "citizens abroad on election day" ' +
    '(draft law, valid reasons for not appearing) is established from these without documents.',
});

export type BorderCrossingRecordedPayload = PayloadOf<typeof borderCrossingRecorded>;
export type BorderCrossingRecorded = NewEventOf<typeof borderCrossingRecorded>;
