import { z } from 'zod';
import { instantField } from '../turnout/check-in-fields';

/**
 * Why someone was told whether, where or when a person took part: each answer that does is recorded under one of
 * these (ARCHITECTURE invariant 7; DOMAIN "Coercion": purpose-bound, every access recorded).
 */
export const PARTICIPATION_READ_PURPOSES = [
  'poll-book-look-up',
  'poll-book-page',
  'repeated-check-in',
  'check-in-revocation',
  'integrity-review',
  'dead-letter-operations',
  'log-export',
  'absence-status',
  'excuse-cases-page',
  'excuse-document',
] as const;
export type ParticipationReadPurpose = (typeof PARTICIPATION_READ_PURPOSES)[number];

/** Who was told: the bearer token's subject, the role the endpoint admitted it in, and its scope claim. */
export const participationReaderSchema = z.strictObject({
  subject: z.string().min(1).max(200).describe("The token's subject."),
  role: z.string().min(1).max(100).describe('The role the endpoint admitted the token in.'),
  scope: z
    .string()
    .max(1000)
    .nullable()
    .describe("The token's scope claim as presented (election, precinct, territory); null when it had none."),
});

export type ParticipationReader = z.output<typeof participationReaderSchema>;

/** The fields every participation read records besides what was read. */
export const participationReadShape = {
  reader: participationReaderSchema.describe('Who was told.'),
  purpose: z.enum(PARTICIPATION_READ_PURPOSES).describe('What for: the endpoint that answered.'),
  readAt: instantField().describe("When, on the service's clock (CLOCK)."),
} as const;
