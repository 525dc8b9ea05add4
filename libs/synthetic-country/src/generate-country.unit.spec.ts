import type { CitizenRow, CommissionMemberRow, PrecinctRow } from './country-rows';
import { generateCountry } from './generate-country';
import { checkPersonalNumber, turnsAgeOn } from './registry-recount.fixture';

const REFERENCE_DATE = '2030-11-24';

function collect(options: { seed: string; citizens: number; referenceDate: string }) {
  const precincts: PrecinctRow[] = [];
  const citizens: CitizenRow[] = [];
  const members: CommissionMemberRow[] = [];
  for (const entry of generateCountry(options)) {
    if (entry.kind === 'precinct') precincts.push(entry.row);
    else if (entry.kind === 'citizen') citizens.push(entry.row);
    else members.push(entry.row);
  }
  return { precincts, citizens, members };
}

const isAdult = (citizen: CitizenRow, on = REFERENCE_DATE) => turnsAgeOn(citizen.birthDate, 18) <= on;
const roll = collect({ seed: 'kyrgyzstan', citizens: 10_000, referenceDate: REFERENCE_DATE });

describe('generateCountry: a default roll of 10,000', () => {
  it('gives every citizen a valid, unique personal number matching birth date and sex', () => {
    expect(roll.citizens).toHaveLength(10_000);
    expect(new Set(roll.citizens.map((citizen) => citizen.personalNumber)).size).toBe(10_000);
    for (const citizen of roll.citizens) {
      const check = checkPersonalNumber(citizen.personalNumber);
      expect(check).toMatchObject({ valid: true, birthDate: citizen.birthDate, sex: citizen.sex });
      expect(citizen.birthDate <= REFERENCE_DATE).toBe(true);
    }
  });

  it('fills names within the file limits, patronymics empty only in the traditional uulu/kyzy form', () => {
    for (const citizen of roll.citizens) {
      for (const name of [citizen.surname, citizen.givenName]) {
        expect(name.length).toBeGreaterThanOrEqual(1);
        expect(name.length).toBeLessThanOrEqual(100);
      }
      expect(citizen.patronymic === '').toBe(/ (uulu|kyzy)$/.test(citizen.surname));
    }
    expect(roll.citizens.some((citizen) => citizen.patronymic === '')).toBe(true);
  });

  it('registers every citizen in a listed precinct, and some of them abroad', () => {
    const codes = new Set(roll.precincts.map((precinct) => precinct.precinctCode));
    expect(roll.citizens.every((citizen) => codes.has(citizen.residencePrecinct))).toBe(true);
    const abroad = new Set(roll.precincts.filter((precinct) => precinct.abroad).map((p) => p.precinctCode));
    expect(roll.citizens.filter((citizen) => abroad.has(citizen.residencePrecinct))).toHaveLength(200);
  });

  it('draws 3 to 9 commission members per precinct, each an eligible resident of it, one chair each', () => {
    const citizens = new Map(roll.citizens.map((citizen) => [citizen.personalNumber, citizen]));
    for (const precinct of roll.precincts) {
      const commission = roll.members.filter((member) => member.precinctCode === precinct.precinctCode);
      expect(commission.length).toBeGreaterThanOrEqual(3);
      expect(commission.length).toBeLessThanOrEqual(9);
      expect(commission.slice(0, 3).map((member) => member.position)).toEqual([
        'chair',
        'deputy-chair',
        'secretary',
      ]);
      expect(commission.slice(3).every((member) => member.position === 'member')).toBe(true);
      for (const member of commission) {
        const resident = citizens.get(member.personalNumber);
        expect(resident?.residencePrecinct).toBe(precinct.precinctCode);
        expect(resident && isAdult(resident)).toBe(true);
        expect(resident).toMatchObject({ declaredIncapable: false, inCustody: false });
      }
    }
    expect(new Set(roll.members.map((member) => member.personalNumber)).size).toBe(roll.members.length);
  });

  it.each([
    [18, -1],
    [18, 0],
    [18, 1],
    [70, -1],
    [70, 0],
    [70, 1],
  ])('holds citizens whose %ith birthday is %i days from the reference date', (age, offset) => {
    const day = new Date(Date.parse(`${REFERENCE_DATE}T00:00:00Z`) + offset * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const matching = roll.citizens.filter((citizen) => turnsAgeOn(citizen.birthDate, age) === day);
    expect(matching.length).toBeGreaterThanOrEqual(1);
    if (age === 18) expect(matching.every((citizen) => isAdult(citizen))).toBe(offset <= 0);
  });

  it('holds minors, and adults of every decade up to 90', () => {
    const ages = roll.citizens.map(
      (citizen) => Number(REFERENCE_DATE.slice(0, 4)) - Number(citizen.birthDate.slice(0, 4)),
    );
    expect(ages.filter((age) => age < 18).length).toBeGreaterThan(3_000);
    for (let decade = 20; decade <= 90; decade += 10) {
      expect(ages.some((age) => age >= decade && age < decade + 10)).toBe(true);
    }
  });
});

describe('generateCountry: proportions of a roll of 100,000', () => {
  const counts = {
    citizens: 0,
    adults: 0,
    minors: 0,
    men: 0,
    incapable: 0,
    custody: 0,
    disability: 0,
    over70: 0,
  };
  for (const entry of generateCountry({
    seed: 'proportions',
    citizens: 100_000,
    referenceDate: REFERENCE_DATE,
  })) {
    if (entry.kind !== 'citizen') continue;
    const citizen = entry.row;
    counts.citizens += 1;
    if (isAdult(citizen)) counts.adults += 1;
    else counts.minors += 1;
    if (citizen.sex === 'M') counts.men += 1;
    if (citizen.declaredIncapable) counts.incapable += 1;
    if (citizen.inCustody) counts.custody += 1;
    if (citizen.registeredDisability) counts.disability += 1;
    if (turnsAgeOn(citizen.birthDate, 70) < REFERENCE_DATE) counts.over70 += 1;
  }

  it.each([
    ['minors among citizens', () => counts.minors / counts.citizens, 0.33, 0.4],
    ['men among citizens', () => counts.men / counts.citizens, 0.48, 0.51],
    ['declared incapable among adults', () => counts.incapable / counts.adults, 0.002, 0.004],
    ['in custody among adults', () => counts.custody / counts.adults, 0.003, 0.005],
    ['registered disability among citizens', () => counts.disability / counts.citizens, 0.024, 0.036],
    ['over 70 among citizens', () => counts.over70 / counts.citizens, 0.025, 0.05],
  ])('%s is realistic', (_label, share, low, high) => {
    expect(share()).toBeGreaterThanOrEqual(low);
    expect(share()).toBeLessThanOrEqual(high);
  });

  it('never flags a minor as incapable or in custody', () => {
    const flaggedMinors = collect({
      seed: 'minors',
      citizens: 20_000,
      referenceDate: REFERENCE_DATE,
    }).citizens.filter((citizen) => !isAdult(citizen) && (citizen.declaredIncapable || citizen.inCustody));
    expect(flaggedMinors).toEqual([]);
  });
});

describe('generateCountry: streaming', () => {
  it('given the largest roll, then the first citizens come at once: nothing is built up front', () => {
    const started = Date.now();
    let seen = 0;
    for (const entry of generateCountry({
      seed: 'big',
      citizens: 25_000_000,
      referenceDate: REFERENCE_DATE,
    })) {
      if (entry.kind === 'citizen' && ++seen === 1_000) break;
    }
    expect(seen).toBe(1_000);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('given a reference date that does not exist, then it refuses before yielding anything', () => {
    expect(() =>
      generateCountry({ seed: 'x', citizens: 10_000, referenceDate: '2030-02-30' }).next(),
    ).toThrow('referenceDate 2030-02-30: expected an existing date YYYY-MM-DD');
  });
});
