import {
  CHECK_IN_METHODS,
  IDENTIFICATION_METHODS,
  personalNumberField,
  precinctIdField,
  uuid,
} from '@vl/contracts';
import { z } from 'zod';

/** A sync page must fit the service's 100 kB request body limit; a poll book sends its log in pages. */
export const MAX_CHECK_INS_PER_SYNC = 400;

// devices may send their local offset; turnout records UTC with milliseconds
const instant = z.iso
  .datetime({
    offset: true,
    error: 'expected an ISO 8601 date-time with Z or an offset, e.g. 2030-11-24T09:15:02.118+06:00',
  })
  .transform((value) => new Date(value).toISOString());

const checkInId = z.uuidv7({ error: 'expected a UUID v7 minted by the poll book for this check-in' });
const deviceId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
    'expected a device id: letters, digits and . _ : - (at most 100)',
  );
const sequence = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const voterAtPrecinct = {
  checkInId,
  personalNumber: personalNumberField(),
  precinctId: precinctIdField(),
  method: z.enum(CHECK_IN_METHODS),
  identification: z.enum(IDENTIFICATION_METHODS),
} as const;

/** POST /elections/:electionId/check-ins: one voter, from a networked poll book or a desk. */
export const checkInRequest = z.strictObject({
  ...voterAtPrecinct,
  device: z.strictObject({ deviceId, sequence, deviceTime: instant }).optional(),
});
export type CheckInRequest = z.output<typeof checkInRequest>;

/** POST /elections/:electionId/check-ins/batch: an offline poll book syncs a page of its log. */
export const checkInSyncRequest = z.strictObject({
  deviceId,
  checkIns: z
    .array(z.strictObject({ ...voterAtPrecinct, sequence, deviceTime: instant }))
    .min(1)
    .max(MAX_CHECK_INS_PER_SYNC),
});
export type CheckInSyncRequest = z.output<typeof checkInSyncRequest>;

export const revokeRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'expected at least 10 characters: say why the check-in is withdrawn')
    .max(500, 'expected at most 500 characters'),
});
export type RevokeRequest = z.output<typeof revokeRequest>;

export const electionPath = z.strictObject({ electionId: uuid() });
export const pollsPath = z.strictObject({ electionId: uuid(), precinctId: precinctIdField() });
export const voterPath = z.strictObject({ electionId: uuid(), personalNumber: personalNumberField() });
