import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import {
  actorField,
  actorOfV1,
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

const voterCheckedInFields = {
  ...checkInShape,
  precinctId: precinctIdField().describe('Where the voter was identified and received a ballot.'),
  method: z.enum(CHECK_IN_METHODS).describe('Polling station, mobile ballot box, or a precinct abroad.'),
  identification: z
    .enum(IDENTIFICATION_METHODS)
    .describe('Biometric, or a supervised fallback (document, supervisor override) recorded as such.'),
  checkedInAt: instantField().describe(
    "When the voter was identified: the device's time when turnout trusted it (it then equals device.deviceTime), else the server's receive time.",
  ),
  device: deviceStampSchema
    .nullable()
    .describe('The poll book that recorded the check-in and its own clock; null when none reported it.'),
};

const voterCheckedInV1 = z.strictObject({
  ...voterCheckedInFields,
  pollWorker: pollWorkerField().describe("The subject of the poll worker's token."),
});

// v2 records the role as well as the subject
const voterCheckedInPayload = z.strictObject({
  ...voterCheckedInFields,
  pollWorker: actorField(
    'The poll worker who identified the voter (or synced the poll book): token subject and role.',
  ),
});

export const voterCheckedIn = defineEvent({
  type: 'VoterCheckedIn',
  owner: 'turnout',
  stream: 'check-ins',
  version: 2,
  schema: voterCheckedInPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: voterCheckedInV1,
      toSchema: voterCheckedInPayload,
      // only the poll worker's endpoints checked voters in
      upcast: (v1) => ({ ...v1, pollWorker: actorOfV1(v1.pollWorker, 'poll-worker') }),
    }),
  ],
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    'A voter was identified and received a ballot: the duty to participate is met (DOMAIN "Participation"). ' +
    'Records who, where, when and how identified; never anything about the ballot. At most one stands per voter ' +
    'and election nationwide; a CheckInRevoked withdraws it.',
});

export type VoterCheckedInPayload = PayloadOf<typeof voterCheckedIn>;
export type VoterCheckedIn = NewEventOf<typeof voterCheckedIn>;
