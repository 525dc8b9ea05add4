/** What the registries say of an absent voter: the exemption categories excuses checks without a case. */
export type AbsentVoterKind = 'registered-disability' | 'over-70' | 'plain';

export interface AbsentVoter {
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly kind: AbsentVoterKind;
}

/** A few hundred precincts of three Bishkek districts (1101-001 … 1103-100). */
export const BENCH_PRECINCTS: readonly string[] = Array.from(
  { length: 300 },
  (_, index) => `${1101 + Math.floor(index / 100)}-${String((index % 100) + 1).padStart(3, '0')}`,
);

/**
 * The index-th absent voter of a realistic mix: 5 % on the disability registry, 10 % over 70 on an election in
 * 2030 (born 1940–1954), the rest plain (born 1975–1994). Personal numbers are sex digit, DDMMYYYY, 5 digits, and
 * distinct for up to 2.8 million indexes (the day of birth follows index / 100,000, the serial the rest).
 */
export function absentVoter(index: number): AbsentVoter {
  const kind: AbsentVoterKind =
    index % 20 === 0 ? 'registered-disability' : index % 10 === 3 ? 'over-70' : 'plain';
  const group = Math.floor(index / 100_000);
  const day = String(1 + (group % 28)).padStart(2, '0');
  const month = String(1 + (index % 12)).padStart(2, '0');
  const year = kind === 'over-70' ? 1940 + (index % 15) : 1975 + (index % 20);
  const personalNumber = `${1 + (index % 2)}${day}${month}${year}${String(index % 100_000).padStart(5, '0')}`;
  return { personalNumber, precinctId: BENCH_PRECINCTS[index % BENCH_PRECINCTS.length] as string, kind };
}
