import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { actedBy, unrecordedActor, personalNumber, precinctCode } from './voter-roll-fields';

export const ABSENTEE_CERTIFICATE_SERIAL_RULE =
  'expected a serial of 1–32 capital letters, digits or hyphens';

const absenteeCertificateIssuedV1 = z.strictObject({
  electionId: uuid().describe('The election.'),
  personalNumber: personalNumber().describe('The voter who received the certificate.'),
  serial: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { error: ABSENTEE_CERTIFICATE_SERIAL_RULE })
    .describe('The printed serial, unique per election; the home list is marked with it.'),
  homePrecinctId: precinctCode().describe('The precinct whose finalized list holds the voter.'),
  votingPrecinctId: precinctCode().describe('The precinct where the voter may vote with the certificate.'),
});

// v2 records who issued the certificate
const absenteeCertificateIssuedPayload = z.strictObject({
  ...absenteeCertificateIssuedV1.shape,
  issuedBy: actedBy('The commission member who issued it: token subject and role.'),
});

export const absenteeCertificateIssued = defineEvent({
  type: 'AbsenteeCertificateIssued',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 2,
  schema: absenteeCertificateIssuedPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: absenteeCertificateIssuedV1,
      toSchema: absenteeCertificateIssuedPayload,
      // a v1 event did not record who issued the certificate: the role its endpoint admitted, subject unrecorded
      upcast: (v1) => ({ ...v1, issuedBy: unrecordedActor('commission') }),
    }),
  ],
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every list event of one voter is read in order',
  description:
    'An absentee certificate: the voter votes at votingPrecinctId instead of the home precinct. Issued once per ' +
    'voter and election; a lost certificate is not reissued.',
});

export type AbsenteeCertificateIssuedPayload = PayloadOf<typeof absenteeCertificateIssued>;
export type AbsenteeCertificateIssued = NewEventOf<typeof absenteeCertificateIssued>;
