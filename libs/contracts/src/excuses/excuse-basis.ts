import { z } from 'zod';
import { text } from '../field-formats';
import { caseId } from './absence-case-fields';
import { EXEMPTION_REGISTRIES, excuseCategory } from './excuse-categories';

/** Why an absence is excused: a registry fact, an accepted case or appeal, or an upheld "I did vote" claim. */
export const excuseBasis = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('exemption'),
    category: excuseCategory(),
    registry: z.enum(EXEMPTION_REGISTRIES).describe('The registry the category was established from.'),
    reference: text(1, 400).describe(
      'The registry fact cited: a crossing, roster entries, a decision number.',
    ),
  }),
  z.strictObject({
    kind: z.literal('excuse-accepted'),
    category: excuseCategory(),
    caseId: caseId().describe('The case the precinct commission accepted.'),
  }),
  z.strictObject({
    kind: z.literal('appeal-upheld'),
    category: excuseCategory(),
    caseId: caseId().describe('The case whose rejection the district commission reversed.'),
  }),
  z.strictObject({
    kind: z.literal('participation-claim-upheld'),
    claimId: caseId().describe(
      'The claim the commission upheld: the voter did vote, the poll book missed it.',
    ),
  }),
]);

export type ExcuseBasis = z.output<typeof excuseBasis>;
