import { apportion } from './apportion';

describe('apportion', () => {
  it('splits exactly, in proportion, with ties to the earlier part', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
    expect(apportion(7, [0, 1])).toEqual([0, 7]);
  });

  it('gives every part its minimum first', () => {
    expect(apportion(12, [100, 1, 1], 3)).toEqual([6, 3, 3]);
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow('cannot split 5 into 3 parts of at least 2');
  });

  it('always sums to the total', () => {
    const weights = [0.3, 7.1, 2.2, 9.9, 0.01, 4];
    for (let total = 0; total < 500; total += 7) {
      expect(apportion(total, weights).reduce((sum, part) => sum + part, 0)).toBe(total);
    }
  });
});
