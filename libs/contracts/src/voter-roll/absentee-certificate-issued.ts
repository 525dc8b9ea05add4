import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { personalNumber, precinctCode } from './voter-roll-fields';

export const ABSENTEE_CERTIFICATE_SERIAL_RULE =
  'expected a serial of 1–32 capital letters, digits or hyphens';

const absenteeCertificateIssuedPayload = z.strictObject({
  electionId: uuid().describe('The election.'),
  personalNumber: personalNumber().describe('The voter who received the certificate.'),
  serial: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { error: ABSENTEE_CERTIFICATE_SERIAL_RULE })
    .describe('The printed serial, unique per election; the home list is marked with it.'),
  homePrecinctId: precinctCode().describe('The precinct whose finalized list holds the voter.'),
  votingPrecinctId: precinctCode().describe('The precinct where the voter may vote with the certificate.'),
});

export const absenteeCertificateIssued = defineEvent({
  type: 'AbsenteeCertificateIssued',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: absenteeCertificateIssuedPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every list event of one voter is read in order',
  description:
    'An absentee certificate: the voter votes at votingPrecinctId instead of the home precinct. Issued once per ' +
    'voter and election; a lost certificate is not reissued.',
});

export type AbsenteeCertificateIssuedPayload = PayloadOf<typeof absenteeCertificateIssued>;
export type AbsenteeCertificateIssued = NewEventOf<typeof absenteeCertificateIssued>;
