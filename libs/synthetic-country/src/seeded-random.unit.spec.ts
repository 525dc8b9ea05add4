import { SeededRandom, WeightedChoice } from './seeded-random';

function firstDraws(seed: string, count = 5): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('SeededRandom', () => {
  it('given the same seed, when drawing, then the sequence is the same every time and on every machine', () => {
    expect(firstDraws('kyrgyzstan')).toEqual(firstDraws('kyrgyzstan'));
    // pinned: a change here changes every generated roll, so it must be deliberate
    expect(firstDraws('kyrgyzstan', 3)).toMatchInlineSnapshot(`
      [
        1192509510,
        1871039036,
        3014372986,
      ]
    `);
  });

  it('given seeds that differ in one character, when drawing, then the sequences differ', () => {
    expect(firstDraws('seed-1')).not.toEqual(firstDraws('seed-2'));
    expect(firstDraws('')).not.toEqual(firstDraws(' '));
  });

  it('when drawing fractions and integers, then they stay in range and cover it evenly', () => {
    const random = new SeededRandom('range');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const fraction = random.fraction();
      expect(fraction >= 0 && fraction < 1).toBe(true);
      const value = random.integerBetween(3, 12);
      buckets[value - 3] = (buckets[value - 3] ?? 0) + 1;
    }
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
  });

  it('when drawing by weight, then each item comes up in proportion and zero weights never', () => {
    const random = new SeededRandom('weights');
    const choice = new WeightedChoice<string>([
      ['rare', 1],
      ['never', 0],
      ['common', 3],
    ]);
    const counts: Record<string, number> = { rare: 0, never: 0, common: 0 };
    for (let i = 0; i < 40_000; i++) {
      const item = choice.draw(random);
      counts[item] = (counts[item] ?? 0) + 1;
    }
    expect(counts['never']).toBe(0);
    expect(Math.abs((counts['rare'] as number) - 10_000)).toBeLessThan(500);
    expect(() => new WeightedChoice([['x', 0]])).toThrow('weights must not all be zero');
  });
});
