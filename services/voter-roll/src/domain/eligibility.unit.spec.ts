import { anniversary, describeIneligibility, eligibilityOn, type EligibilityFacts } from './eligibility';

const citizen = (birthDate: string, flags: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  birthDate,
  declaredIncapable: false,
  inCustody: false,
  ...flags,
});

describe('eligibility on election day', () => {
  it('given an 18th birthday on election day, when checked, then the citizen is eligible', () => {
    expect(eligibilityOn('2026-11-29', citizen('2008-11-29'))).toEqual({ eligible: true });
  });

  it('given an 18th birthday the day after election day, when checked, then the citizen is not eligible yet', () => {
    expect(eligibilityOn('2026-11-29', citizen('2008-11-30'))).toEqual({
      eligible: false,
      reasons: [{ code: 'under-18', turns18On: '2026-11-30' }],
    });
  });

  it('given an 18th birthday the day before election day, when checked, then the citizen is eligible', () => {
    expect(eligibilityOn('2026-11-29', citizen('2008-11-28')).eligible).toBe(true);
  });

  it('given a birth on 29 February, when election day is 28 February of the 18th (common) year, then not yet 18', () => {
    expect(eligibilityOn('2022-02-28', citizen('2004-02-29'))).toEqual({
      eligible: false,
      reasons: [{ code: 'under-18', turns18On: '2022-03-01' }],
    });
  });

  it('given a birth on 29 February, when election day is 1 March of the 18th year, then the citizen is 18', () => {
    expect(eligibilityOn('2022-03-01', citizen('2004-02-29')).eligible).toBe(true);
  });

  it('given a birth on 28 February or 1 March, when the 18th year comes, then the anniversary is that same date', () => {
    expect(anniversary('2004-02-28', 18)).toBe('2022-02-28');
    expect(anniversary('2004-03-01', 18)).toBe('2022-03-01');
  });

  it('given a birth on 29 February, when the anniversary falls in a leap year, then it stays 29 February', () => {
    expect(anniversary('2000-02-29', 4)).toBe('2004-02-29');
    expect(anniversary('1996-02-29', 104)).toBe('2100-03-01');
  });

  it('given a citizen declared incapable by a court, when checked, then not eligible', () => {
    expect(eligibilityOn('2026-11-29', citizen('1980-01-01', { declaredIncapable: true }))).toEqual({
      eligible: false,
      reasons: [{ code: 'declared-incapable' }],
    });
  });

  it('given a citizen serving a custodial sentence, when checked, then not eligible', () => {
    expect(eligibilityOn('2026-11-29', citizen('1980-01-01', { inCustody: true }))).toEqual({
      eligible: false,
      reasons: [{ code: 'in-custody' }],
    });
  });

  it('given a 17-year-old in custody and declared incapable, when checked, then every reason is given in words', () => {
    const eligibility = eligibilityOn(
      '2026-11-29',
      citizen('2009-01-15', { declaredIncapable: true, inCustody: true }),
    );
    if (eligibility.eligible) throw new Error('expected ineligible');
    expect(describeIneligibility('2026-11-29', eligibility.reasons)).toBe(
      'turns 18 on 2027-01-15, after election day 2026-11-29; declared legally incapable by a court; serving a custodial sentence',
    );
  });

  it('given a very old citizen, when checked, then age has no upper limit', () => {
    expect(eligibilityOn('2026-11-29', citizen('1920-05-05')).eligible).toBe(true);
  });
});
