import type { PolicyAdoption, PolicyLine } from './policy-adoption';

/**
 * The policy applied to an election on `date` (YYYY-MM-DD, local): the adoption with the latest effectiveFrom on
 * or before it, and of two with the same effectiveFrom the one adopted later. A pure function of the line and the
 * date, so a replay of the same log chooses the same policy; undefined when none was in force yet.
 */
export function policyInForce<TContent>(
  line: PolicyLine<TContent>,
  date: string,
): PolicyAdoption<TContent> | undefined {
  let chosen: PolicyAdoption<TContent> | undefined;
  for (const adoption of line) {
    // ISO dates compare as strings; `>=` lets the later of two same-day adoptions win
    if (
      adoption.effectiveFrom <= date &&
      (chosen === undefined || adoption.effectiveFrom >= chosen.effectiveFrom)
    )
      chosen = adoption;
  }
  return chosen;
}

/** The adoption a new one must not precede: the one with the latest effectiveFrom in the line. */
export function latestAdoption<TContent>(line: PolicyLine<TContent>): PolicyAdoption<TContent> | undefined {
  return line.reduce<PolicyAdoption<TContent> | undefined>(
    (latest, adoption) =>
      latest === undefined || adoption.effectiveFrom >= latest.effectiveFrom ? adoption : latest,
    undefined,
  );
}
