import { ADOPTING_BODIES, isoDate, text } from '@vl/contracts';
import { z } from 'zod';

export const policyKindPath = z.strictObject({
  kind: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/,
      'expected a policy kind <service>.<name>, e.g. turnout.check-in',
    ),
});

/** An adoption as its body's office records it; `content` is checked against the kind's own schema. */
export const adoptPolicyRequest = z.strictObject({
  id: z
    .uuidv7('expected a UUID v7')
    .optional()
    .describe(
      'Chosen by the client so that a retried request adopts once; without it the act (body and number) is the id.',
    ),
  effectiveFrom: isoDate().describe(
    'The first election date (local, Asia/Bishkek) it applies to; after today, and not before the latest adoption of the kind.',
  ),
  adoptedBy: z.strictObject({
    body: z.enum(ADOPTING_BODIES).describe("'cec' (a CEC decision) or 'cabinet' (a Cabinet resolution)."),
    decision: text(1, 100).describe('The number of the decision or resolution.'),
  }),
  content: z
    .record(z.string(), z.unknown())
    .describe(
      "The policy itself; its fields are the kind's (docs/asyncapi.yaml, the kind's adoption event).",
    ),
});

export type AdoptPolicyRequest = z.output<typeof adoptPolicyRequest>;

export const inForceQuery = z.strictObject({
  date: isoDate().describe("The election's date (local, Asia/Bishkek)."),
});
