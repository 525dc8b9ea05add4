import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text } from '../field-formats';
import { z } from 'zod';
import { checkInShape, precinctIdField, VOTER_KEY_DESCRIPTION, voterKey } from './check-in-fields';

export const checkInRevoked = defineEvent({
  type: 'CheckInRevoked',
  owner: 'turnout',
  stream: 'check-ins',
  version: 1,
  schema: z.strictObject({
    ...checkInShape,
    precinctId: precinctIdField().describe('The precinct of the check-in that is withdrawn.'),
    reason: text(10, 500).describe('Why the check-in is withdrawn; auditors read it for every revocation.'),
    revokedBy: z
      .string()
      .min(1)
      .max(200)
      .describe(
        "The subject of the commission member's token, or turnout itself when reconciling offline poll books.",
      ),
  }),
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  description:
    "A voter's standing check-in was withdrawn (by a precinct commission member, with a reason); the voter may be " +
    'checked in again. Consumers undo what the check-in caused (vouchers, entitlements).',
});

export type CheckInRevokedPayload = PayloadOf<typeof checkInRevoked>;
export type CheckInRevoked = NewEventOf<typeof checkInRevoked>;
