import { WeightedChoice } from './seeded-random';

/**
 * Kyrgyzstan's age structure, shares of the population by five-year group (rounded from the national
 * statistics of the early 2020s): a young country, about 36% under 18, about 3% aged 70 or more.
 */
const SHARE_BY_FIVE_YEAR_GROUP: readonly number[] = [
  11.5, 11.0, 9.5, 7.6, 6.9, 7.6, 8.3, 7.3, 6.4, 5.6, 5.1, 4.8, 4.1, 2.9, 1.6, 0.8, 0.5, 0.3, 0.1, 0.03,
];

export const OLDEST_AGE = SHARE_BY_FIVE_YEAR_GROUP.length * 5 - 1;

/** Draws an age in whole years, 0 to OLDEST_AGE, each year of a group equally likely. */
export const agePyramid = new WeightedChoice<number>(
  Array.from({ length: OLDEST_AGE + 1 }, (_, age) => [
    age,
    (SHARE_BY_FIVE_YEAR_GROUP[Math.floor(age / 5)] ?? 0) / 5,
  ]),
);

/** Men's share by age: more boys are born, women live longer. */
export function maleShareAt(age: number): number {
  if (age < 15) return 0.513;
  if (age < 50) return 0.5;
  if (age < 65) return 0.46;
  return 0.4;
}
