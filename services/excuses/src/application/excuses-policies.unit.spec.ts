import { seedAdoptionProblems } from '@vl/service-composition';
import { EXCUSES_POLICIES } from './excuses-policies';

describe("excuses' seed policies", () => {
  it('given the kinds excuses holds, when a fresh stack adopts their seeds, then each adoption keeps its contract', () => {
    expect(EXCUSES_POLICIES.map((policy) => policy.kind.kind)).toEqual([
      'excuses.excuse-window',
      'excuses.working-day-calendar',
      'excuses.exemption-categories',
    ]);
    expect(seedAdoptionProblems('excuses', EXCUSES_POLICIES)).toEqual([]);
  });
});
