import { seedAdoptionProblems } from '@vl/service-composition';
import { INCENTIVES_POLICIES } from './incentives-policies';

describe("incentives' seed policies", () => {
  it('given the kinds incentives holds, when a fresh stack adopts their seeds, then each adoption keeps its contract', () => {
    expect(INCENTIVES_POLICIES.map((policy) => policy.kind.kind)).toEqual(['incentives.benefit-programs']);
    expect(seedAdoptionProblems('incentives', INCENTIVES_POLICIES)).toEqual([]);
  });
});
