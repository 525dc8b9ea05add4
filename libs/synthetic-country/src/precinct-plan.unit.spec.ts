import {
  MAX_CITIZENS,
  MIN_CITIZENS,
  planPrecincts,
  precinctCountFor,
  type PlannedPrecinct,
} from './precinct-plan';
import { SeededRandom } from './seeded-random';

const plan = (citizens: number, seed = 'plan') => planPrecincts(citizens, new SeededRandom(seed));
const residents = (precincts: readonly PlannedPrecinct[]) =>
  precincts.reduce((sum, precinct) => sum + precinct.residents, 0);

describe('the precinct plan', () => {
  it('scales with the roll: about one precinct per 1,600 citizens, never fewer than 20', () => {
    expect(precinctCountFor(MIN_CITIZENS)).toBe(20);
    expect(precinctCountFor(32_000)).toBe(20);
    expect(precinctCountFor(40_000)).toBe(25);
    expect(precinctCountFor(4_000_000)).toBe(2_500);
    expect(precinctCountFor(10_000_000)).toBe(6_250);
  });

  it('given a national roll, then codes follow the file format and every citizen has a precinct', () => {
    const precincts = plan(4_000_000);
    expect(precincts).toHaveLength(2_500);
    expect(residents(precincts)).toBe(4_000_000);
    expect(new Set(precincts.map((precinct) => precinct.precinctCode)).size).toBe(2_500);
    for (const precinct of precincts) {
      expect(precinct.precinctCode).toMatch(/^\d{4}-\d{3}$/);
      expect(precinct.precinctCode.startsWith(`${precinct.districtCode}-`)).toBe(true);
      expect(precinct.districtCode.slice(0, 2)).toBe(precinct.regionCode);
      expect(precinct.precinctCode.endsWith('-000')).toBe(false);
      for (const name of [precinct.regionName, precinct.districtName])
        expect(name.length).toBeLessThanOrEqual(100);
      expect(precinct.address.length).toBeGreaterThan(0);
      expect(precinct.address.length).toBeLessThanOrEqual(300);
      expect(precinct.residents).toBeGreaterThanOrEqual(10);
    }
    const regions = new Set(precincts.map((precinct) => precinct.regionCode));
    expect([...regions].sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '11', '12', '99']);
  });

  it('puts precincts abroad in region 99 with a foreign country, and about 2% of citizens there', () => {
    const precincts = plan(4_000_000);
    const abroad = precincts.filter((precinct) => precinct.abroad);
    expect(abroad).toHaveLength(100);
    for (const precinct of abroad) {
      expect(precinct).toMatchObject({ regionCode: '99', districtCode: '9999' });
      expect(precinct.precinctCode).toMatch(/^9999-\d{3}$/);
      expect(precinct.country).toMatch(/^[A-Z]{2}$/);
      expect(precinct.country).not.toBe('KG');
    }
    expect(new Set(abroad.map((precinct) => precinct.country))).toEqual(
      new Set(['RU', 'KZ', 'TR', 'KR', 'US', 'AE', 'DE', 'GB', 'CN', 'UZ']),
    );
    for (const precinct of precincts.filter((candidate) => !candidate.abroad)) {
      expect(precinct.country).toBe('KG');
      expect(precinct.regionCode).not.toBe('99');
    }
    expect(residents(abroad)).toBe(80_000);
  });

  it("gives each precinct the zone of its polling hours: Asia/Bishkek at home, its host city's abroad", () => {
    const precincts = plan(4_000_000);
    const zoneIn = (city: string) =>
      precincts.find((precinct) => precinct.address.startsWith(`${city},`))?.timeZone;
    expect(zoneIn('Moscow')).toBe('Europe/Moscow');
    expect(zoneIn('Seoul')).toBe('Asia/Seoul');
    expect(zoneIn('Istanbul')).toBe('Europe/Istanbul');
    expect(zoneIn('New York')).toBe('America/New_York');
    for (const precinct of precincts.filter((candidate) => !candidate.abroad))
      expect(precinct.timeZone).toBe('Asia/Bishkek');
  });

  it('given the smallest roll, then all nine territories and two consular precincts still appear', () => {
    const precincts = plan(MIN_CITIZENS);
    expect(precincts).toHaveLength(20);
    expect(new Set(precincts.map((precinct) => precinct.regionCode)).size).toBe(10);
    expect(precincts.filter((precinct) => precinct.abroad).map((precinct) => precinct.country)).toEqual([
      'RU',
      'KZ',
    ]);
    expect(residents(precincts)).toBe(MIN_CITIZENS);
  });

  it('given the largest roll, then no district runs out of three-digit precinct numbers; beyond it, a clear refusal', () => {
    const precincts = plan(MAX_CITIZENS);
    expect(residents(precincts)).toBe(MAX_CITIZENS);
    expect(precincts.every((precinct) => Number(precinct.precinctCode.slice(5)) <= 999)).toBe(true);
    expect(() => plan(MAX_CITIZENS + 1)).toThrow('citizens must be a whole number from 1000 to 25000000');
    expect(() => plan(MIN_CITIZENS - 1)).toThrow(RangeError);
    expect(() => plan(1_500.5)).toThrow(RangeError);
  });

  it('is the same for the same seed, and sizes and addresses vary with the seed', () => {
    expect(plan(50_000, 'a')).toEqual(plan(50_000, 'a'));
    expect(plan(50_000, 'a')).not.toEqual(plan(50_000, 'b'));
  });
});
