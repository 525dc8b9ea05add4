import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { citizenRecordFields, personalNumber } from './voter-roll-fields';

const citizenRecordChanges = z
  .strictObject({
    surname: citizenRecordFields.surname.optional(),
    givenName: citizenRecordFields.givenName.optional(),
    patronymic: citizenRecordFields.patronymic.optional(),
    residencePrecinctId: citizenRecordFields.residencePrecinctId.optional(),
    declaredIncapable: citizenRecordFields.declaredIncapable.optional(),
    inCustody: citizenRecordFields.inCustody.optional(),
    registeredDisability: citizenRecordFields.registeredDisability.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { error: 'expected at least one changed field' })
  .describe(
    'The changed fields only, each with its new value. Birth date and sex are part of the personal number and ' +
      'never change under it.',
  );

const citizenRecordChangedPayload = z.strictObject({
  personalNumber: personalNumber().describe('The citizen whose registry record changed.'),
  changes: citizenRecordChanges,
});

export const citizenRecordChanged = defineEvent({
  type: 'CitizenRecordChanged',
  owner: 'voter-roll',
  stream: 'citizens',
  version: 1,
  schema: citizenRecordChangedPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every event of one citizen is read in order',
  description:
    'A later civil-registry import differs from the citizen’s current record: the changed fields only, with ' +
    'their new values (a moved residence, a court decision, a custodial sentence begun or served).',
});

export type CitizenRecordChangedPayload = PayloadOf<typeof citizenRecordChanged>;
export type CitizenRecordChanges = CitizenRecordChangedPayload['changes'];
export type CitizenRecordChanged = NewEventOf<typeof citizenRecordChanged>;
