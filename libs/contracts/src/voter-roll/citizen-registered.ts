import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { citizenRecordFields, personalNumber, personalNumberParts } from './voter-roll-fields';

const citizenRegisteredPayload = z
  .strictObject({
    personalNumber: personalNumber().describe('The citizen’s 14-digit personal number.'),
    ...citizenRecordFields,
  })
  // a malformed personal number is already reported by its own field
  .refine(
    ({ personalNumber: pin, birthDate }) => (personalNumberParts(pin)?.birthDate ?? birthDate) === birthDate,
    {
      path: ['birthDate'],
      error: 'expected the birth date inside the personal number',
    },
  )
  .refine(({ personalNumber: pin, sex }) => (personalNumberParts(pin)?.sex ?? sex) === sex, {
    path: ['sex'],
    error: 'expected the sex of the personal number’s sex digit (1 F, 2 M)',
  });

export const citizenRegistered = defineEvent({
  type: 'CitizenRegistered',
  owner: 'voter-roll',
  stream: 'citizens',
  version: 1,
  schema: citizenRegisteredPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every event of one citizen is read in order',
  description:
    'A citizen first seen in a civil-registry import: name, birth date, sex, residence precinct and the flags ' +
    'that decide eligibility (declared incapable, in custody) and a valid reason (registered disability).',
});

export type CitizenRegisteredPayload = PayloadOf<typeof citizenRegistered>;
export type CitizenRegistered = NewEventOf<typeof citizenRegistered>;
