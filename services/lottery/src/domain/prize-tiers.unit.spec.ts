import { parsePolicyContent, prizeTiersKind } from '@vl/contracts';
import { STATUTORY_PRIZE_TIERS, type PrizeTiers } from './prize-tiers';

const adopted: PrizeTiers = {
  tiers: [
    { name: 'Grand prize', scope: 'national', prizes: 1, prizeValueKgs: 1_000_000 },
    { name: 'Regional prize', scope: 'region', prizes: 10, prizeValueKgs: 50_000 },
  ],
  claimPeriodDays: 60,
  unclaimed: 'redraw',
};
const withTier = (tier: Record<string, unknown>) => ({
  ...adopted,
  tiers: [{ ...adopted.tiers[0], ...tier }],
});

describe('lottery.prize-tiers policy', () => {
  it('given the statutory seed, when parsed, then it is valid: no tiers until the CEC adopts them', () => {
    expect(parsePolicyContent(prizeTiersKind, STATUTORY_PRIZE_TIERS)).toEqual({
      ok: true,
      value: STATUTORY_PRIZE_TIERS,
    });
  });

  it('given a national and a regional tier, when parsed, then both are kept as adopted', () => {
    expect(parsePolicyContent(prizeTiersKind, adopted)).toEqual({ ok: true, value: adopted });
  });

  it.each([
    [
      'a negative prize value',
      withTier({ prizeValueKgs: -1 }),
      'content.tiers[0].prizeValueKgs',
      'expected at least 1',
    ],
    ['no prizes in a tier', withTier({ prizes: 0 }), 'content.tiers[0].prizes', 'expected at least 1'],
    ['an unknown scope', withTier({ scope: 'district' }), 'content.tiers[0].scope', 'expected one of'],
    [
      'an unknown field in a tier',
      withTier({ sponsor: 'a bank' }),
      'content.tiers[0].sponsor',
      'unknown field',
    ],
    [
      'two tiers of one name',
      { ...adopted, tiers: [adopted.tiers[0], adopted.tiers[0]] },
      'content.tiers',
      'expected each tier name once',
    ],
    [
      'a claim period of 0 days',
      { ...adopted, claimPeriodDays: 0 },
      'content.claimPeriodDays',
      'expected at least 1',
    ],
    [
      'an unknown unclaimed rule',
      { ...adopted, unclaimed: 'donate' },
      'content.unclaimed',
      'expected one of',
    ],
    ['an unknown field', { ...adopted, drawAt: '20:00' }, 'content.drawAt', 'unknown field'],
  ])('given %s, when parsed, then %s is refused', (_, content, path, rule) => {
    const parsed = parsePolicyContent(prizeTiersKind, content);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContainEqual({ path, rule: expect.stringContaining(rule) });
  });
});
