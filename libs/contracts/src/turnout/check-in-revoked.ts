import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { text } from '../field-formats';
import {
  actorField,
  actorOfV1,
  checkInShape,
  precinctIdField,
  VOTER_KEY_DESCRIPTION,
  voterKey,
} from './check-in-fields';

/** Turnout itself withdraws a check-in when an offline poll book proves an earlier one. */
export const OFFLINE_RECONCILIATION = { subject: 'turnout:offline-reconciliation', role: 'turnout' } as const;

const checkInRevokedFields = {
  ...checkInShape,
  precinctId: precinctIdField().describe('The precinct of the check-in that is withdrawn.'),
  reason: text(10, 500).describe('Why the check-in is withdrawn; auditors read it for every revocation.'),
};

const checkInRevokedV1 = z.strictObject({
  ...checkInRevokedFields,
  revokedBy: z
    .string()
    .min(1)
    .max(200)
    .describe(
      "The subject of the commission member's token, or turnout itself when reconciling offline poll books.",
    ),
});

// v2 records the role as well as the subject
const checkInRevokedPayload = z.strictObject({
  ...checkInRevokedFields,
  revokedBy: actorField(
    "The commission member's token subject and role, or turnout itself (role turnout) when reconciling offline poll books.",
  ),
});

export const checkInRevoked = defineEvent({
  type: 'CheckInRevoked',
  owner: 'turnout',
  stream: 'check-ins',
  version: 2,
  schema: checkInRevokedPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: checkInRevokedV1,
      toSchema: checkInRevokedPayload,
      // a v1 revocation came from the commission's endpoint or from turnout's own reconciliation
      upcast: (v1) => ({
        ...v1,
        revokedBy:
          v1.revokedBy === OFFLINE_RECONCILIATION.subject
            ? { ...OFFLINE_RECONCILIATION }
            : actorOfV1(v1.revokedBy, 'commission'),
      }),
    }),
  ],
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    "A voter's standing check-in was withdrawn (by a precinct commission member, with a reason); the voter may be " +
    'checked in again. Consumers undo what the check-in caused (vouchers, entitlements).',
});

export type CheckInRevokedPayload = PayloadOf<typeof checkInRevoked>;
export type CheckInRevoked = NewEventOf<typeof checkInRevoked>;
