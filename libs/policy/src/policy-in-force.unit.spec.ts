import type { PolicyAdoption } from './policy-adoption';
import { policyInForce } from './policy-in-force';

const adoption = (
  adoptionId: string,
  effectiveFrom: string,
  grace: number,
): PolicyAdoption<{ grace: number }> => ({
  adoptionId,
  kind: 'turnout.check-in',
  effectiveFrom,
  adoptedBy: { body: 'cec', decision: `CEC ${adoptionId}` },
  actor: { subject: 'operator-1', role: 'cec-operator' },
  content: { grace },
});

const seed = {
  ...adoption('seed', '2000-01-01', 30),
  adoptedBy: { body: 'statute' as const, decision: 'default' },
};
const from2031 = adoption('no-12', '2031-03-01', 45);

describe('the policy in force on an election date', () => {
  it('given only the seed, when an election is held, then the seed applies', () => {
    expect(policyInForce([seed], '2030-11-24')?.adoptionId).toBe('seed');
  });

  it('given an adoption effective from 1 March 2031, when the election is on 28 February, then the earlier policy applies', () => {
    expect(policyInForce([seed, from2031], '2031-02-28')?.content).toEqual({ grace: 30 });
  });

  it('given an adoption effective from 1 March 2031, when the election is on that very day, then the new policy applies', () => {
    expect(policyInForce([seed, from2031], '2031-03-01')?.content).toEqual({ grace: 45 });
  });

  it('given an election held on 24 November 2030, when a policy effective later is adopted afterwards, then that election keeps its policy', () => {
    const before = policyInForce([seed], '2030-11-24');
    const after = policyInForce([seed, adoption('no-40', '2030-11-25', 60)], '2030-11-24');
    expect(after).toEqual(before);
  });

  it('given two adoptions for the same date, when the election is on it, then the one adopted later applies', () => {
    const corrected = adoption('no-13', '2031-03-01', 50);
    expect(policyInForce([seed, from2031, corrected], '2031-03-10')?.adoptionId).toBe('no-13');
  });

  it('given an election before every adoption, when asked, then no policy is in force', () => {
    expect(policyInForce([from2031], '2030-01-01')).toBeUndefined();
  });

  it('given the same log replayed, when each election date is asked again, then the same policy is chosen every time', () => {
    const log = [seed, from2031, adoption('no-77', '2033-01-15', 20)];
    const dates = [
      '1999-12-31',
      '2000-01-01',
      '2031-02-28',
      '2031-03-01',
      '2033-01-14',
      '2033-01-15',
      '2040-06-01',
    ];
    const live = dates.map((date) => policyInForce(log, date)?.adoptionId);
    const replayed = dates.map((date) => policyInForce(structuredClone(log), date)?.adoptionId);
    expect(replayed).toEqual(live);
    expect(live).toEqual([undefined, 'seed', 'seed', 'no-12', 'no-12', 'no-77', 'no-77']);
  });
});
