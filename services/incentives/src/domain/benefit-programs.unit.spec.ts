import { benefitProgramsKind, parsePolicyContent, type BenefitProgram } from '@vl/contracts';
import { STATUTORY_BENEFIT_PROGRAMS } from './benefit-programs';

// the two benefits the draft names, as a Cabinet resolution might adopt them
const feeDiscount: BenefitProgram = {
  programId: 'passport-fee-discount',
  title: 'Discount on the passport fee for active voters',
  ministry: 'digital-development',
  benefit: { type: 'fee-discount', service: 'Issuing a biometric passport', percent: 20, capKgs: 1000 },
  qualifies: { type: 'took-part', voteKinds: ['parliamentary', 'presidential', 'referendum'] },
  validityDays: 365,
  redemptions: { type: 'once' },
};
const reservePoints: BenefitProgram = {
  programId: 'civil-service-reserve-points',
  title: 'Additional points in the civil-service personnel reserve',
  ministry: 'civil-service',
  benefit: { type: 'civil-service-reserve-points', points: 2 },
  qualifies: { type: 'took-part-in-every-vote-of-last', count: 3 },
  validityDays: 730,
  redemptions: { type: 'per-year', times: 1 },
};
const withProgram = (change: Record<string, unknown>) => ({ programs: [{ ...feeDiscount, ...change }] });

describe('incentives.benefit-programs policy (adopted by the Cabinet of Ministers)', () => {
  it('given the statutory seed, when parsed, then it is valid and runs no program', () => {
    expect(parsePolicyContent(benefitProgramsKind, STATUTORY_BENEFIT_PROGRAMS)).toEqual({
      ok: true,
      value: { programs: [] },
    });
  });

  it('given the two benefits the draft names, when parsed, then both programs are kept as adopted', () => {
    const programs = { programs: [feeDiscount, reservePoints] };
    expect(parsePolicyContent(benefitProgramsKind, programs)).toEqual({ ok: true, value: programs });
  });

  it("given the kind, when its adopting body is asked, then it is the Cabinet's", () => {
    expect(benefitProgramsKind.adoptingBody).toBe('cabinet');
  });

  it.each([
    [
      'a negative discount',
      withProgram({ benefit: { ...feeDiscount.benefit, percent: -10 } }),
      'content.programs[0].benefit.percent',
      'expected at least 1',
    ],
    [
      'a discount over 100%',
      withProgram({ benefit: { ...feeDiscount.benefit, percent: 120 } }),
      'content.programs[0].benefit.percent',
      'expected at most 100',
    ],
    [
      'a negative cap',
      withProgram({ benefit: { ...feeDiscount.benefit, capKgs: -1 } }),
      'content.programs[0].benefit.capKgs',
      'expected at least 1',
    ],
    [
      'an unknown benefit',
      withProgram({ benefit: { type: 'tax-holiday' } }),
      'content.programs[0].benefit.type',
      '',
    ],
    [
      'a ministry not as in ministry:<id>',
      withProgram({ ministry: 'Ministry of Finance' }),
      'content.programs[0].ministry',
      'expected a ministry id',
    ],
    [
      'an unknown field',
      withProgram({ employerVisible: true }),
      'content.programs[0].employerVisible',
      'unknown field',
    ],
    [
      'no validity',
      withProgram({ validityDays: 0 }),
      'content.programs[0].validityDays',
      'expected at least 1',
    ],
    [
      'one id twice',
      { programs: [feeDiscount, feeDiscount] },
      'content.programs',
      'expected each programId once',
    ],
  ])('given %s, when parsed, then %s is refused', (_, content, path, rule) => {
    const parsed = parsePolicyContent(benefitProgramsKind, content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContainEqual({ path, rule: expect.stringContaining(rule) });
  });
});
