import { ABSENTEE_CERTIFICATE_SERIAL_RULE } from '@vl/contracts';
import { z } from 'zod';
import { personalNumberField, precinctIdField } from './request-fields';

export const issueAbsenteeCertificateRequest = z.strictObject({
  personalNumber: personalNumberField(),
  serial: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, ABSENTEE_CERTIFICATE_SERIAL_RULE),
  votingPrecinctId: precinctIdField(),
});
export type IssueAbsenteeCertificateRequest = z.infer<typeof issueAbsenteeCertificateRequest>;

export const includeVoterRequest = z.strictObject({
  personalNumber: personalNumberField(),
  precinctId: precinctIdField(),
  addressReference: z
    .string()
    .max(200, 'expected at most 200 characters')
    .refine((value) => value.trim().length > 0, 'expected the address reference, not only spaces'),
});
export type IncludeVoterRequest = z.infer<typeof includeVoterRequest>;
