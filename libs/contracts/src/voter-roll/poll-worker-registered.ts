import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { actedBy, precinctCode } from './voter-roll-fields';

// a subject is what the identity provider names a person by; a device id as the poll book reports it
const subject = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/,
    'expected a token subject: letters, digits and . _ : @ - (at most 128)',
  );
const deviceId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
    'expected a device id: letters, digits and . _ : - (at most 100)',
  );

const pollWorkerRegisteredPayload = z.strictObject({
  electionId: uuid().describe('The election the poll worker serves in.'),
  precinctId: precinctCode().describe('The precinct whose polling station the poll worker serves.'),
  subject: subject.describe(
    'The poll worker as the identity provider names them: the subject of their tokens.',
  ),
  deviceIds: z
    .array(deviceId)
    .max(20)
    .describe('The poll books the poll worker uses; a later registration of the same subject replaces them.'),
  registeredBy: actedBy("The chair of the precinct's commission: token subject (personal number) and role."),
});

export const pollWorkerRegistered = defineEvent({
  type: 'PollWorkerRegistered',
  owner: 'voter-roll',
  stream: 'appointments',
  version: 1,
  schema: pollWorkerRegisteredPayload,
  partitionKey: (payload) => `${payload.electionId}/${payload.precinctId}`,
  partitionKeyDescription: 'electionId/precinctId: a polling station’s registrations are read in order',
  description:
    'The chair of a precinct commission registered a poll worker and their devices for an election; the identity ' +
    'provider issues poll-worker tokens scoped to that precinct only to registered subjects.',
});

export type PollWorkerRegisteredPayload = PayloadOf<typeof pollWorkerRegistered>;
export type PollWorkerRegistered = NewEventOf<typeof pollWorkerRegistered>;
