import { z } from 'zod';
import { actorSchema, type Actor } from '../actor';
import { uuid } from '../field-formats';
import { personalNumber, precinctCode } from '../voter-roll/voter-roll-fields';

/** How the voter was reached: at the polling station, by a mobile ballot box at home, or at a precinct abroad. */
export const CHECK_IN_METHODS = ['station', 'mobile-box', 'abroad'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** How the poll worker identified the voter; the supervised fallbacks must be recorded as such (DOMAIN). */
export const IDENTIFICATION_METHODS = ['biometric', 'document', 'supervisor-override'] as const;
export type IdentificationMethod = (typeof IDENTIFICATION_METHODS)[number];

const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

const onFormat =
  (rule: string) =>
  (issue: { readonly code?: string }): string | undefined =>
    issue.code === 'invalid_format' ? rule : undefined;

/** The voter, in the same format as voter-roll's lists. */
export const personalNumberField = personalNumber;

/** The precinct code NNNN-NNN, as voter-roll registers it. */
export const precinctIdField = precinctCode;

/** A moment in UTC with millisecond precision, as the server or a device clock read it. */
export function instantField() {
  return z.iso.datetime({ offset: false });
}

/** v1 of the turnout events named who acted by the token's subject alone. */
export function pollWorkerField() {
  return z.string().min(1).max(200);
}

/** Who performed the command: the token's subject and the role the endpoint admitted it in. */
export function actorField(description: string) {
  return actorSchema.describe(description);
}

/** A v1 event's subject with the one role its endpoint admitted (each command had exactly one). */
export const actorOfV1 = (subject: string, role: Actor['role']): Actor => ({ subject, role });

export const checkInShape = {
  electionId: uuid().describe('The election (ElectionCalled).'),
  personalNumber: personalNumberField().describe(
    'The voter: one check-in per voter per election, nationwide.',
  ),
} as const;

/** The poll book that recorded a check-in while offline (or online with its own clock); null for a server-side desk. */
export const deviceStampSchema = z.strictObject({
  deviceId: z
    .string()
    .regex(DEVICE_ID, { error: onFormat('expected a device id: letters, digits and . _ : - (at most 100)') })
    .describe('The poll book, as registered with the precinct commission.'),
  sequence: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .describe("The device's own counter of its check-ins: gaps and reorderings are visible to auditors."),
  deviceTime: instantField().describe("The device's clock when the voter was identified, as it reported it."),
});

export type DeviceStamp = z.output<typeof deviceStampSchema>;

/** Every check-in event is keyed by the voter so that one voter's check-ins are read in order. */
export const voterKey = (payload: { readonly personalNumber: string }) => payload.personalNumber;
export const VOTER_KEY_DESCRIPTION =
  "personalNumber: one voter's check-ins, revocations and alerts are read in order";

/** Polls events are keyed by the precinct's polls in one election. */
export const pollsKey = (payload: { readonly electionId: string; readonly precinctId: string }) =>
  `${payload.electionId}:${payload.precinctId}`;
export const POLLS_KEY_DESCRIPTION =
  '<electionId>:<precinctId>: the opening and closing of one precinct are read in order';
