import { parsePolicyContent, sanctionLadderKind } from '@vl/contracts';
import { sanctionStepFor, STATUTORY_SANCTION_LADDER, type SanctionLadder } from './sanction-ladder';

const finesInForce: SanctionLadder = {
  ...STATUTORY_SANCTION_LADDER,
  fine: { inForce: true, amountKgs: 1000, paymentPeriodDays: 30 },
};

describe('sanctionStepFor: the draft ladder (1st warning, 2nd fine, 3 or more a restriction)', () => {
  it('given a first violation, when its step is asked, then a warning', () => {
    expect(sanctionStepFor(1, finesInForce)).toEqual({ step: 'warning' });
  });

  it('given a second violation with fines in force, when its step is asked, then the fine with its amount and payment period', () => {
    expect(sanctionStepFor(2, finesInForce)).toEqual({
      step: 'fine',
      amountKgs: 1000,
      paymentPeriodDays: 30,
    });
  });

  it('given a second violation with fines switched off, when its step is asked, then no sanction, and why', () => {
    expect(sanctionStepFor(2, STATUTORY_SANCTION_LADDER)).toEqual({
      step: 'no-sanction',
      reason: 'fines-not-in-force',
    });
  });

  it('given the third violation (the first "systematic" one), when its step is asked, then a restriction of the policy\'s length and scope', () => {
    expect(sanctionStepFor(3, finesInForce)).toEqual({
      step: 'restriction',
      lengthMonths: 60,
      scope: ['nomination-for-elective-office', 'state-and-municipal-posts'],
    });
  });

  it('given a fourth violation, when its step is asked, then a restriction again', () => {
    expect(sanctionStepFor(4, finesInForce)).toMatchObject({ step: 'restriction' });
  });

  it.each([0, -1, 2.5])('given an ordinal of %p, when asked, then it is a programming error', (ordinal) => {
    expect(() => sanctionStepFor(ordinal, finesInForce)).toThrow(RangeError);
  });
});

describe('sanctions.ladder policy', () => {
  const withFine = (fine: Record<string, unknown>) => ({
    ...finesInForce,
    fine: { ...finesInForce.fine, ...fine },
  });
  const withRestriction = (restriction: Record<string, unknown>) => ({
    ...finesInForce,
    restriction: { ...finesInForce.restriction, ...restriction },
  });

  it('given the statutory seed, when parsed, then it is valid: fines off, five years over both scopes, every vote counts', () => {
    expect(parsePolicyContent(sanctionLadderKind, STATUTORY_SANCTION_LADDER)).toEqual({
      ok: true,
      value: STATUTORY_SANCTION_LADDER,
    });
  });

  it.each([
    ['a negative fine', withFine({ amountKgs: -500 }), 'content.fine.amountKgs', 'expected at least 0'],
    [
      'a fine in force of 0 som',
      withFine({ amountKgs: 0 }),
      'content.fine.amountKgs',
      'expected a positive amount when fines are in force',
    ],
    [
      'a fractional amount',
      withFine({ amountKgs: 99.5 }),
      'content.fine.amountKgs',
      'expected an integer, got a fraction',
    ],
    [
      'no payment period',
      withFine({ paymentPeriodDays: 0 }),
      'content.fine.paymentPeriodDays',
      'expected at least 1',
    ],
    [
      'a restriction over five years',
      withRestriction({ lengthMonths: 61 }),
      'content.restriction.lengthMonths',
      'expected at most 60',
    ],
    [
      'a restriction without scope',
      withRestriction({ scope: [] }),
      'content.restriction.scope',
      'expected at least 1',
    ],
    [
      'an unknown scope',
      withRestriction({ scope: ['driving-licence'] }),
      'content.restriction.scope[0]',
      'expected one of',
    ],
    [
      'no counted kind of vote',
      { ...finesInForce, countedVoteKinds: [] },
      'content.countedVoteKinds',
      'expected at least 1',
    ],
    [
      'a look-back of 0 years',
      { ...finesInForce, lookBackYears: 0 },
      'content.lookBackYears',
      'expected at least 1',
    ],
    ['an unknown field', { ...finesInForce, appealDays: 10 }, 'content.appealDays', 'unknown field'],
    ['an unknown field in the fine', withFine({ currency: 'USD' }), 'content.fine.currency', 'unknown field'],
  ])('given %s, when parsed, then %s is refused', (_, content, path, rule) => {
    const parsed = parsePolicyContent(sanctionLadderKind, content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContainEqual({ path, rule: expect.stringContaining(rule) });
  });
});
