import { seedAdoptionProblems } from '@vl/service-composition';
import { LOTTERY_POLICIES } from './lottery-policies';

describe("lottery's seed policies", () => {
  it('given the kinds lottery holds, when a fresh stack adopts their seeds, then each adoption keeps its contract', () => {
    expect(LOTTERY_POLICIES.map((policy) => policy.kind.kind)).toEqual(['lottery.prize-tiers']);
    expect(seedAdoptionProblems('lottery', LOTTERY_POLICIES)).toEqual([]);
  });
});
