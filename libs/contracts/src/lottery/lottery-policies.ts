import { z } from 'zod';
import { text } from '../field-formats';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';

/** A national tier is drawn once over every voucher; a regional one once per region over its vouchers. */
export const PRIZE_TIER_SCOPES = ['national', 'region'] as const;
/** What happens to a prize nobody claims within the claim period. */
export const UNCLAIMED_PRIZE_RULES = ['redraw', 'lapse'] as const;

const prizeTier = z.strictObject({
  name: text(1, 80).describe('The tier as announced, e.g. "Grand prize".'),
  scope: z.enum(PRIZE_TIER_SCOPES).describe('Drawn once nationally, or once in each region.'),
  prizes: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .describe('Prizes per draw of the tier (per region for a regional tier).'),
  prizeValueKgs: z
    .number()
    .int()
    .min(1)
    .max(100_000_000)
    .describe('The value of one prize in whole som (KGS).'),
});

export const prizeTiersKind = definePolicyKind({
  kind: 'lottery.prize-tiers',
  owner: 'lottery',
  adoptedBy: 'cec',
  eventType: 'PrizeTiersAdopted',
  content: z.strictObject({
    tiers: z
      .array(prizeTier)
      .max(20)
      .refine((tiers) => new Set(tiers.map((tier) => tier.name)).size === tiers.length, {
        error: 'expected each tier name once',
      })
      .describe("The tiers of one election's draw; none: nothing is drawn."),
    claimPeriodDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .describe('Calendar days from the draw within which a winner claims in person.'),
    unclaimed: z
      .enum(UNCLAIMED_PRIZE_RULES)
      .describe('An unclaimed prize is drawn again by the same verifiable method, or lapses.'),
  }),
  description:
    'The state lottery of the draft law (a voucher with the ballot, organised by the CEC): the prize tiers, national ' +
    'and per region, their number and value, the claim period and what becomes of unclaimed prizes.',
});

export type PrizeTiersContent = PolicyContentOf<typeof prizeTiersKind>;
