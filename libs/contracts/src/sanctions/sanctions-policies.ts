import { z } from 'zod';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';
import { ELECTION_KINDS } from '../voter-roll/election-called';

/** What a restriction takes away (draft: "loss of the right ... for up to five years"). */
export const RESTRICTION_SCOPES = ['nomination-for-elective-office', 'state-and-municipal-posts'] as const;
export type RestrictionScope = (typeof RESTRICTION_SCOPES)[number];

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const sanctionLadderKind = definePolicyKind({
  kind: 'sanctions.ladder',
  owner: 'sanctions',
  adoptedBy: 'cec',
  eventType: 'SanctionLadderAdopted',
  content: z.strictObject({
    fine: z
      .strictObject({
        inForce: z
          .boolean()
          .describe('Whether the second violation is fined at all: the draft allows fines to be dropped.'),
        amountKgs: z
          .number()
          .int()
          .min(0)
          .max(1_000_000)
          .describe('The fine in whole som (KGS); the draft leaves it unspecified.'),
        paymentPeriodDays: z
          .number()
          .int()
          .min(1)
          .max(365)
          .describe('Calendar days from the fine being imposed to its due date.'),
      })
      .refine((fine) => !fine.inForce || fine.amountKgs > 0, {
        error: 'expected a positive amount when fines are in force',
        path: ['amountKgs'],
      })
      .describe('The second violation: a fine.'),
    restriction: z
      .strictObject({
        lengthMonths: z
          .number()
          .int()
          .min(1)
          .max(60)
          .describe('How long a restriction lasts: up to five years (60 months), by the draft.'),
        scope: z
          .array(z.enum(RESTRICTION_SCOPES))
          .min(1)
          .refine(distinct, { error: 'expected each scope once' })
          .describe(
            'What a restriction takes away: being nominated for elective office, holding a state or municipal post.',
          ),
      })
      .describe('The third and every later ("systematic") violation: a restriction.'),
    countedVoteKinds: z
      .array(z.enum(ELECTION_KINDS))
      .min(1)
      .refine(distinct, { error: 'expected each kind once' })
      .describe(
        'Which kinds of vote count towards the ladder: elections of every kind and referendums by default.',
      ),
    lookBackYears: z
      .number()
      .int()
      .min(1)
      .max(50)
      .nullable()
      .describe(
        'Violations of elections held this many years before count; null: every one since the law applies.',
      ),
  }),
  description:
    'The sanction ladder (draft: 1st violation a warning from the CEC, 2nd a fine, 3 or more a restriction of up to ' +
    'five years): the fine and whether it is in force, the restriction and its scope, what counts and how far back.',
});

export type SanctionLadderContent = PolicyContentOf<typeof sanctionLadderKind>;
