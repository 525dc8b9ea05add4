import { seedAdoptionProblems } from '@vl/service-composition';
import { SANCTIONS_POLICIES } from './sanctions-policies';

describe("sanctions' seed policies", () => {
  it('given the kinds sanctions holds, when a fresh stack adopts their seeds, then each adoption keeps its contract', () => {
    expect(SANCTIONS_POLICIES.map((policy) => policy.kind.kind)).toEqual(['sanctions.ladder']);
    expect(seedAdoptionProblems('sanctions', SANCTIONS_POLICIES)).toEqual([]);
  });
});
