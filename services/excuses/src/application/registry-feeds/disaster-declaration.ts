import { MAX_DISASTER_PRECINCTS, precinctIdField, text } from '@vl/contracts';
import { z } from 'zod';
import { INSTANT_RULE, utcInstant } from './feed-rows';

// an instant with its offset or Z, kept in UTC
const submittedInstant = () =>
  z.iso.datetime({ offset: true, error: INSTANT_RULE }).transform((value) => utcInstant(value) ?? value);

/**
 * A CEC decision declaring a natural disaster: the precincts it kept voters from, and when. A legal act is
 * recorded whole or refused whole, naming the field: a malformed precinct code refuses the declaration.
 */
export const disasterDeclarationSchema = z
  .strictObject({
    decisionNumber: text(1, 40).describe("The CEC's decision number, e.g. 2026/17-5: its own record id."),
    precincts: z
      .array(precinctIdField())
      .min(1)
      .max(MAX_DISASTER_PRECINCTS)
      .describe('The precincts concerned, each NNNN-NNN, each once.'),
    from: submittedInstant().describe('Start of the disaster period: ISO 8601 with offset or Z.'),
    to: submittedInstant().describe('End of the period, later than from: ISO 8601 with offset or Z.'),
  })
  .superRefine((declaration, context) => {
    const seen = new Set<string>();
    declaration.precincts.forEach((precinct, index) => {
      if (seen.has(precinct))
        context.addIssue({
          code: 'custom',
          path: ['precincts', index],
          message: 'expected each precinct once',
        });
      seen.add(precinct);
    });
    const from = Date.parse(declaration.from);
    const to = Date.parse(declaration.to);
    if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from)
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'expected later than from: a period ends after it starts',
      });
  });

export type DisasterDeclaration = z.output<typeof disasterDeclarationSchema>;
