/**
 * Splits a whole number into parts proportional to weights, exactly (largest remainder method), after
 * giving every part `minimum`. Ties go to the earlier part, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const reserved = minimum * weights.length;
  if (!Number.isSafeInteger(total) || total < reserved) {
    throw new RangeError(`cannot split ${total} into ${weights.length} parts of at least ${minimum}`);
  }
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(weightSum > 0)) throw new RangeError('weights must have a positive sum');
  const rest = total - reserved;
  const exact = weights.map((weight) => (rest * weight) / weightSum);
  const parts = exact.map((share) => minimum + Math.floor(share));
  const leftover = total - parts.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; i < leftover; i++) {
    const target = byRemainder[i % byRemainder.length] as { index: number };
    parts[target.index] = (parts[target.index] as number) + 1;
  }
  return parts;
}
