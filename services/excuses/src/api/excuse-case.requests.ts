import { EXCUSE_CATEGORIES, personalNumberField, precinctIdField, text, uuid } from '@vl/contracts';
import { z } from 'zod';

const sha256 = () =>
  z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected the SHA-256 of the file, 64 lower-case hex digits' });

const statement = () => text(1, 2000);
const reason = () => text(1, 1000);

export const absencePath = z.strictObject({ electionId: uuid(), personalNumber: personalNumberField() });
export type AbsencePath = z.output<typeof absencePath>;
export const casePath = absencePath.extend({ caseId: uuid() });
export type CasePath = z.output<typeof casePath>;
export const claimPath = absencePath.extend({ claimId: uuid() });
export type ClaimPath = z.output<typeof claimPath>;
export const documentPath = casePath.extend({ sha256: sha256() });
export type DocumentPath = z.output<typeof documentPath>;
export const precinctPath = z.strictObject({ electionId: uuid(), precinctId: precinctIdField() });

/** POST .../excuses: the case id is the client's, so a retried filing names the same case. */
export const fileExcuseRequest = z.strictObject({
  caseId: uuid(),
  category: z.enum(EXCUSE_CATEGORIES),
  statement: statement(),
  documents: z
    .array(
      z.strictObject({
        type: text(1, 80),
        issuer: text(1, 200),
        number: text(1, 80),
        issuedOn: z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
        sha256: sha256(),
      }),
    )
    .max(10)
    .refine((documents) => new Set(documents.map((document) => document.sha256)).size === documents.length, {
      error: 'expected each file once (sha256)',
    }),
});
export type FileExcuseRequest = z.output<typeof fileExcuseRequest>;

export const decideExcuseRequest = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  reason: reason(),
});
export type DecideExcuseRequest = z.output<typeof decideExcuseRequest>;

export const appealRequest = z.strictObject({ statement: statement() });
export type AppealRequest = z.output<typeof appealRequest>;

export const verdictRequest = z.strictObject({
  decision: z.enum(['upheld', 'dismissed']),
  reason: reason(),
});
export type VerdictRequest = z.output<typeof verdictRequest>;

export const participationClaimRequest = z.strictObject({ claimId: uuid(), statement: statement() });
export type ParticipationClaimRequest = z.output<typeof participationClaimRequest>;

export const MAX_CASES_PER_PAGE = 100;
export const excuseCasesQuery = z.strictObject({
  status: z.enum(['open', 'appealed']).default('open'),
  after: uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CASES_PER_PAGE).default(50),
});
export type ExcuseCasesQuery = z.output<typeof excuseCasesQuery>;
