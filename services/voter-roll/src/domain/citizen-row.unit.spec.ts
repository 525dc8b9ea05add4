import { readCitizenRow } from './citizen-row';

const knownPrecincts = new Set(['0101-001', '9999-012']);
const precinctKnown = (code: string) => knownPrecincts.has(code);

// female, born 15 March 1990
const row = {
  personal_number: '11503199000123',
  surname: 'Asanova',
  given_name: 'Aigul',
  patronymic: 'Bakytovna',
  birth_date: '1990-03-15',
  sex: 'F',
  residence_precinct: '0101-001',
  declared_incapable: '0',
  in_custody: '0',
  registered_disability: '1',
};

const issuesOf = (overrides: Record<string, string>) => {
  const outcome = readCitizenRow({ ...row, ...overrides }, precinctKnown);
  return outcome.ok ? [] : outcome.issues;
};

describe('a civil-registry row', () => {
  it('given a row that keeps every rule, when read, then it is the citizen’s record', () => {
    expect(readCitizenRow(row, precinctKnown)).toEqual({
      ok: true,
      value: {
        personalNumber: '11503199000123',
        surname: 'Asanova',
        givenName: 'Aigul',
        patronymic: 'Bakytovna',
        birthDate: '1990-03-15',
        sex: 'F',
        residencePrecinctId: '0101-001',
        declaredIncapable: false,
        inCustody: false,
        registeredDisability: true,
      },
    });
  });

  it.each([
    ['1150319900012', 'expected 14 digits'],
    ['115031990001234', 'expected 14 digits'],
    ['1150319900012X', 'expected 14 digits'],
    ['31503199000123', 'expected the sex digit 1 (female) or 2 (male) first'],
    ['03103199000123', 'expected the sex digit 1 (female) or 2 (male) first'],
    ['13102199000123', 'expected a real birth date DDMMYYYY in digits 2 to 9'],
    ['12902199100123', 'expected a real birth date DDMMYYYY in digits 2 to 9'],
  ])('given personal number %s, when read, then the rule is “%s”', (personalNumber, rule) => {
    expect(issuesOf({ personal_number: personalNumber })).toContainEqual({ column: 'personal_number', rule });
  });

  it('given a man born on a leap day, when read, then the PIN’s 29 February is a real date', () => {
    expect(
      readCitizenRow(
        { ...row, personal_number: '22902200000017', birth_date: '2000-02-29', sex: 'M' },
        precinctKnown,
      ).ok,
    ).toBe(true);
  });

  it('given a birth date one day off the personal number, when read, then birth_date is rejected', () => {
    expect(issuesOf({ birth_date: '1990-03-16' })).toEqual([
      {
        column: 'birth_date',
        rule: 'expected the birth date inside the personal number (digits 2 to 9, DDMMYYYY)',
      },
    ]);
  });

  it.each(['15.03.1990', '1990-02-30', '1990-3-15'])(
    'given birth_date %s, when read, then it is not a date',
    (value) => {
      expect(issuesOf({ birth_date: value })).toEqual([
        { column: 'birth_date', rule: 'expected a real date YYYY-MM-DD' },
      ]);
    },
  );

  it('given sex M with a female sex digit, when read, then sex is rejected', () => {
    expect(issuesOf({ sex: 'M' })).toEqual([
      { column: 'sex', rule: 'expected the sex of the personal number’s first digit (1 F, 2 M)' },
    ]);
  });

  it.each(['f', 'W', ''])('given sex “%s”, when read, then only F or M are accepted', (sex) => {
    expect(issuesOf({ sex })).toEqual([{ column: 'sex', rule: 'expected F or M' }]);
  });

  it('given names at the limits, when read, then 1 and 100 characters pass and 0 or 101 do not', () => {
    expect(issuesOf({ surname: 'A', given_name: 'x'.repeat(100) })).toEqual([]);
    expect(issuesOf({ surname: '', given_name: 'x'.repeat(101) })).toEqual([
      { column: 'surname', rule: 'expected 1–100 characters, not only spaces' },
      { column: 'given_name', rule: 'expected at most 100 characters' },
    ]);
  });

  it('given no patronymic, when read, then the row is fine; 101 characters are not', () => {
    expect(issuesOf({ patronymic: '' })).toEqual([]);
    expect(issuesOf({ patronymic: 'x'.repeat(101) })).toEqual([
      { column: 'patronymic', rule: 'expected at most 100 characters' },
    ]);
  });

  it('given flags that are not 0 or 1, when read, then each flag column is named', () => {
    expect(issuesOf({ declared_incapable: 'yes', in_custody: '2', registered_disability: '' })).toEqual([
      { column: 'declared_incapable', rule: 'expected 0 or 1' },
      { column: 'in_custody', rule: 'expected 0 or 1' },
      { column: 'registered_disability', rule: 'expected 0 or 1' },
    ]);
  });

  it('given a residence precinct the geography does not know, when read, then it is rejected', () => {
    expect(issuesOf({ residence_precinct: '0101-002' })).toEqual([
      { column: 'residence_precinct', rule: 'expected a precinct_code registered by precincts.csv' },
    ]);
  });
});
