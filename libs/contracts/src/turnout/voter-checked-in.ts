import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  CHECK_IN_METHODS,
  checkInShape,
  deviceStampSchema,
  IDENTIFICATION_METHODS,
  instantField,
  pollWorkerField,
  precinctIdField,
  VOTER_KEY_DESCRIPTION,
  voterKey,
} from './check-in-fields';

export const voterCheckedIn = defineEvent({
  type: 'VoterCheckedIn',
  owner: 'turnout',
  stream: 'check-ins',
  version: 1,
  schema: z.strictObject({
    ...checkInShape,
    precinctId: precinctIdField().describe('Where the voter was identified and received a ballot.'),
    method: z.enum(CHECK_IN_METHODS).describe('Polling station, mobile ballot box, or a precinct abroad.'),
    identification: z
      .enum(IDENTIFICATION_METHODS)
      .describe('Biometric, or a supervised fallback (document, supervisor override) recorded as such.'),
    pollWorker: pollWorkerField().describe("The subject of the poll worker's token."),
    checkedInAt: instantField().describe(
      "When the voter was identified: the device's time when turnout trusted it (it then equals device.deviceTime), else the server's receive time.",
    ),
    device: deviceStampSchema
      .nullable()
      .describe('The poll book that recorded the check-in and its own clock; null when none reported it.'),
  }),
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  description:
    'A voter was identified and received a ballot: the duty to participate is met (DOMAIN "Participation"). ' +
    'Records who, where, when and how identified; never anything about the ballot. At most one stands per voter ' +
    'and election nationwide; a CheckInRevoked withdraws it.',
});

export type VoterCheckedInPayload = PayloadOf<typeof voterCheckedIn>;
export type VoterCheckedIn = NewEventOf<typeof voterCheckedIn>;
