import type { PrizeTiersContent } from '@vl/contracts';

export type PrizeTiers = PrizeTiersContent;

/**
 * The draft gives voters a voucher for a state lottery organised by the CEC and names no prize: a fresh stack has no
 * tiers (a draw awards nothing) until the CEC adopts them. Claim period and unclaimed rule are placeholders that
 * matter only then: 30 days, and an unclaimed prize drawn again by the same verifiable method.
 */
export const STATUTORY_PRIZE_TIERS: PrizeTiers = {
  tiers: [],
  claimPeriodDays: 30,
  unclaimed: 'redraw',
};
