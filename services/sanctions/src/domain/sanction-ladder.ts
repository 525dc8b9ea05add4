import { ELECTION_KINDS, RESTRICTION_SCOPES, type SanctionLadderContent } from '@vl/contracts';

export type SanctionLadder = SanctionLadderContent;

/** Draft: three or more violations are "systematic" and restrict; the first warns, the second fines. */
export const SYSTEMATIC_FROM = 3;

/**
 * The ladder a fresh stack adopts. The draft gives no fine amount and its author says fines may be dropped: fines
 * are off until the CEC adopts an amount. A restriction lasts the draft's maximum, five years, over both scopes;
 * every kind of vote counts (the draft's duty covers elections and referendums) with no look-back limit.
 */
export const STATUTORY_SANCTION_LADDER: SanctionLadder = {
  fine: { inForce: false, amountKgs: 0, paymentPeriodDays: 30 },
  restriction: { lengthMonths: 60, scope: [...RESTRICTION_SCOPES] },
  countedVoteKinds: [...ELECTION_KINDS],
  lookBackYears: null,
};

/** What one violation leads to, by its ordinal in the citizen's record. */
export type SanctionStep =
  | { readonly step: 'warning' }
  | { readonly step: 'fine'; readonly amountKgs: number; readonly paymentPeriodDays: number }
  | { readonly step: 'no-sanction'; readonly reason: 'fines-not-in-force' }
  | {
      readonly step: 'restriction';
      readonly lengthMonths: number;
      readonly scope: SanctionLadder['restriction']['scope'];
    };

/**
 * Draft: "a warning from the CEC for the first violation, a fine for the second, and for systematic violations
 * (three or more) a loss of the right ... for up to five years". A second violation while fines are switched off
 * is recorded and sanctioned with nothing: the draft warns for the first violation only.
 */
export function sanctionStepFor(ordinal: number, ladder: SanctionLadder): SanctionStep {
  if (!Number.isInteger(ordinal) || ordinal < 1)
    throw new RangeError(`a violation's ordinal is 1 or more, not ${ordinal}`);
  if (ordinal >= SYSTEMATIC_FROM)
    return {
      step: 'restriction',
      lengthMonths: ladder.restriction.lengthMonths,
      scope: ladder.restriction.scope,
    };
  if (ordinal === 2)
    return ladder.fine.inForce
      ? { step: 'fine', amountKgs: ladder.fine.amountKgs, paymentPeriodDays: ladder.fine.paymentPeriodDays }
      : { step: 'no-sanction', reason: 'fines-not-in-force' };
  return { step: 'warning' };
}
