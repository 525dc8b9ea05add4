import type { ExemptionCategoriesContent } from '@vl/contracts';
import { STATUTORY_EXEMPTION_CATEGORIES } from './exemption-categories-policy';
import {
  exemptionOf,
  noExemptionFacts,
  type BorderCrossingFact,
  type DisasterFact,
  type DutyPeriodFact,
  type ExemptionFacts,
  type PollingHours,
} from './exemptions';

const ELECTION_DATE = '2030-11-24';
// a precinct in Asia/Bishkek (UTC+6): 07:00–20:00 local
const BISHKEK_HOURS: PollingHours = {
  opensAt: '2030-11-24T01:00:00.000Z',
  closesAt: '2030-11-24T14:00:00.000Z',
};
// a precinct abroad in Asia/Seoul (UTC+9): 07:00–20:00 local
const SEOUL_HOURS: PollingHours = {
  opensAt: '2030-11-23T22:00:00.000Z',
  closesAt: '2030-11-24T11:00:00.000Z',
};

// sex digit, DDMMYYYY, serial
const bornOn = (ddmmyyyy: string) => `2${ddmmyyyy}00017`;
const YOUNG_VOTER = bornOn('15061985');

const policy = (change: Partial<ExemptionCategoriesContent> = {}): ExemptionCategoriesContent => ({
  ...STATUTORY_EXEMPTION_CATEGORIES,
  ...change,
});
const withCategory = (
  category: ExemptionCategoriesContent['categories'][number]['category'],
  automatic: boolean,
): ExemptionCategoriesContent => ({
  ...STATUTORY_EXEMPTION_CATEGORIES,
  categories: STATUTORY_EXEMPTION_CATEGORIES.categories.map((entry) =>
    entry.category === category ? { ...entry, automatic } : entry,
  ),
});

const exemption = (
  facts: Partial<ExemptionFacts>,
  {
    personalNumber = YOUNG_VOTER,
    electionDate = ELECTION_DATE,
    hours = BISHKEK_HOURS,
    categories = STATUTORY_EXEMPTION_CATEGORIES,
  }: {
    personalNumber?: string;
    electionDate?: string;
    hours?: PollingHours;
    categories?: ExemptionCategoriesContent;
  } = {},
) => exemptionOf({ personalNumber, electionDate }, { ...noExemptionFacts, ...facts }, hours, categories);

const exit = (at: string, reference = `crossing-exit-${at}`): BorderCrossingFact => ({
  direction: 'exit',
  at,
  reference,
});
const entry = (at: string, reference = `crossing-entry-${at}`): BorderCrossingFact => ({
  direction: 'entry',
  at,
  reference,
});
const duty = (
  from: string,
  to: string,
  reference: string,
  category: DutyPeriodFact['category'] = 'law-enforcement-on-duty',
): DutyPeriodFact => ({ category, from, to, reference });
const disaster = (from: string, to: string, reference: string): DisasterFact => ({ from, to, reference });

describe('valid reason 2: over 70, read strictly on election day (DOMAIN "Valid reasons for not appearing")', () => {
  it('given a voter whose 70th birthday was the day before election day, when assessed, then over 70: exempt from the day after the birthday', () => {
    expect(exemption({}, { personalNumber: bornOn('23111960') })).toEqual({
      category: 'over-70',
      registry: 'birth-date',
      reference: 'over 70 from 2030-11-24',
    });
  });

  it('given a voter whose 70th birthday is election day, when assessed, then 70 and not over 70: no exemption', () => {
    expect(exemption({}, { personalNumber: bornOn('24111960') })).toBeUndefined();
  });

  it('given a voter whose 70th birthday is the day after election day, when assessed, then no exemption', () => {
    expect(exemption({}, { personalNumber: bornOn('25111960') })).toBeUndefined();
  });

  it('given a policy reading a birthday on election day as over, when the 70th birthday is election day, then exempt', () => {
    expect(
      exemption(
        {},
        {
          personalNumber: bornOn('24111960'),
          categories: policy({
            overAge: { ...STATUTORY_EXEMPTION_CATEGORIES.overAge, birthdayOnElectionDay: 'over' },
          }),
        },
      ),
    ).toEqual({ category: 'over-70', registry: 'birth-date', reference: 'over 70 from 2030-11-24' });
  });

  describe('a 29 February birth, its 70th birthday in a common year (2030)', () => {
    const LEAP_DAY_BIRTH = bornOn('29021960');
    const leapDay = (leapDayBirthday: 'march-1' | 'february-28') =>
      policy({ overAge: { ...STATUTORY_EXEMPTION_CATEGORIES.overAge, leapDayBirthday } });

    it('given leapDayBirthday march-1, when the election is on 1 March, then it is the birthday: not over 70', () => {
      expect(
        exemption(
          {},
          { personalNumber: LEAP_DAY_BIRTH, electionDate: '2030-03-01', categories: leapDay('march-1') },
        ),
      ).toBeUndefined();
    });

    it('given leapDayBirthday march-1, when the election is on 2 March, then over 70', () => {
      expect(
        exemption(
          {},
          { personalNumber: LEAP_DAY_BIRTH, electionDate: '2030-03-02', categories: leapDay('march-1') },
        ),
      ).toEqual({ category: 'over-70', registry: 'birth-date', reference: 'over 70 from 2030-03-02' });
    });

    it('given leapDayBirthday february-28, when the election is on 1 March, then the birthday was 28 February: over 70', () => {
      expect(
        exemption(
          {},
          { personalNumber: LEAP_DAY_BIRTH, electionDate: '2030-03-01', categories: leapDay('february-28') },
        ),
      ).toEqual({ category: 'over-70', registry: 'birth-date', reference: 'over 70 from 2030-03-01' });
    });

    it('given leapDayBirthday february-28, when the election is on 28 February, then it is the birthday: not over 70', () => {
      expect(
        exemption(
          {},
          { personalNumber: LEAP_DAY_BIRTH, electionDate: '2030-02-28', categories: leapDay('february-28') },
        ),
      ).toBeUndefined();
    });
  });
});

describe('valid reason 3: abroad on election day (border crossings, polls 07:00–20:00 Asia/Bishkek)', () => {
  const anyPart = policy({ abroad: 'any-part' });

  it('given an exit one minute before the polls open and no entry, when assessed, then abroad the whole polling hours, citing the exit', () => {
    expect(exemption({ borderCrossings: [exit('2030-11-24T00:59:00.000Z', 'crossing-17')] })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-17',
    });
  });

  it('given an exit at the opening instant exactly, when assessed, then abroad the whole polling hours', () => {
    expect(exemption({ borderCrossings: [exit('2030-11-24T01:00:00.000Z', 'crossing-18')] })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-18',
    });
  });

  it('given an exit one minute after the opening, when assessed under whole-polling-hours, then not abroad the whole hours', () => {
    expect(exemption({ borderCrossings: [exit('2030-11-24T01:01:00.000Z')] })).toBeUndefined();
  });

  it('given an exit one minute after the opening, when assessed under any-part, then abroad for part of the hours', () => {
    expect(
      exemption(
        { borderCrossings: [exit('2030-11-24T01:01:00.000Z', 'crossing-19')] },
        { categories: anyPart },
      ),
    ).toEqual({ category: 'abroad', registry: 'border-crossings', reference: 'crossing-19' });
  });

  it('given an exit days before and an entry at 19:59 local, when assessed, then back while the polls were open: not the whole hours', () => {
    const crossings = [exit('2030-11-20T08:00:00.000Z'), entry('2030-11-24T13:59:00.000Z')];
    expect(exemption({ borderCrossings: crossings })).toBeUndefined();
  });

  it('given an exit days before and an entry at the close exactly (20:00 local), when assessed, then still abroad the whole hours', () => {
    const crossings = [exit('2030-11-20T08:00:00.000Z', 'crossing-20'), entry('2030-11-24T14:00:00.000Z')];
    expect(exemption({ borderCrossings: crossings })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-20',
    });
  });

  it('given abroad at the opening, an entry at 09:00 and an exit at 15:00 local, when assessed, then not the whole hours; under any-part, the first exit is cited', () => {
    const crossings = [
      exit('2030-11-20T08:00:00.000Z', 'crossing-21'),
      entry('2030-11-24T03:00:00.000Z'),
      exit('2030-11-24T09:00:00.000Z', 'crossing-22'),
    ];
    expect(exemption({ borderCrossings: crossings })).toBeUndefined();
    expect(exemption({ borderCrossings: crossings }, { categories: anyPart })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-21',
    });
  });

  it('given in the country at the opening, an exit at 10:00 and an entry at 18:00 local, when assessed, then not the whole hours; under any-part, that exit is cited', () => {
    const crossings = [exit('2030-11-24T04:00:00.000Z', 'crossing-23'), entry('2030-11-24T12:00:00.000Z')];
    expect(exemption({ borderCrossings: crossings })).toBeUndefined();
    expect(exemption({ borderCrossings: crossings }, { categories: anyPart })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-23',
    });
  });

  it('given no border crossings, when assessed under either coverage, then not abroad', () => {
    expect(exemption({})).toBeUndefined();
    expect(exemption({}, { categories: anyPart })).toBeUndefined();
  });

  it('given a precinct in Asia/Seoul, when the exit is at 07:30 Seoul (before 07:00 Bishkek), then its own hours count: not the whole hours there', () => {
    const crossings = [exit('2030-11-23T22:30:00.000Z', 'crossing-24')];
    expect(exemption({ borderCrossings: crossings }, { hours: SEOUL_HOURS })).toBeUndefined();
    expect(exemption({ borderCrossings: crossings }, { hours: BISHKEK_HOURS })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-24',
    });
  });
});

describe('valid reason 5: on duty on election day (duty rosters, polls 07:00–20:00 Asia/Bishkek)', () => {
  it('given one roster period covering the whole polling hours, when assessed, then exempt in its category, citing the roster', () => {
    expect(
      exemption({
        dutyPeriods: [duty('2030-11-24T00:00:00.000Z', '2030-11-24T15:00:00.000Z', 'roster-7/1')],
      }),
    ).toEqual({ category: 'law-enforcement-on-duty', registry: 'duty-rosters', reference: 'roster-7/1' });
  });

  it('given a roster covering 06:00–14:00 local only, when assessed under whole-polling-hours, then not exempt', () => {
    expect(
      exemption({
        dutyPeriods: [duty('2030-11-24T00:00:00.000Z', '2030-11-24T08:00:00.000Z', 'roster-7/2')],
      }),
    ).toBeUndefined();
  });

  it('given a roster covering 06:00–14:00 local only, when assessed under any-part, then exempt', () => {
    expect(
      exemption(
        { dutyPeriods: [duty('2030-11-24T00:00:00.000Z', '2030-11-24T08:00:00.000Z', 'roster-7/2')] },
        { categories: policy({ onDuty: 'any-part' }) },
      ),
    ).toEqual({ category: 'law-enforcement-on-duty', registry: 'duty-rosters', reference: 'roster-7/2' });
  });

  it('given two touching shifts 06:00–14:00 and 14:00–21:00 local, when assessed, then together they cover the hours: both are cited', () => {
    const shifts = [
      duty('2030-11-24T08:00:00.000Z', '2030-11-24T15:00:00.000Z', 'roster-7/4', 'continuous-cycle-work'),
      duty('2030-11-24T00:00:00.000Z', '2030-11-24T08:00:00.000Z', 'roster-7/3', 'continuous-cycle-work'),
    ];
    expect(exemption({ dutyPeriods: shifts })).toEqual({
      category: 'continuous-cycle-work',
      registry: 'duty-rosters',
      reference: 'roster-7/4 roster-7/3',
    });
  });

  it('given shifts 06:00–14:00 and 14:01–21:00 local, when assessed, then the minute between them is not covered', () => {
    const shifts = [
      duty('2030-11-24T00:00:00.000Z', '2030-11-24T08:00:00.000Z', 'roster-7/3', 'continuous-cycle-work'),
      duty('2030-11-24T08:01:00.000Z', '2030-11-24T15:00:00.000Z', 'roster-7/4', 'continuous-cycle-work'),
    ];
    expect(exemption({ dutyPeriods: shifts })).toBeUndefined();
  });

  it('given touching shifts of two duty categories, when assessed, then neither category covers the hours alone', () => {
    const shifts = [
      duty('2030-11-24T00:00:00.000Z', '2030-11-24T08:00:00.000Z', 'roster-7/3', 'law-enforcement-on-duty'),
      duty('2030-11-24T08:00:00.000Z', '2030-11-24T15:00:00.000Z', 'roster-7/4', 'continuous-cycle-work'),
    ];
    expect(exemption({ dutyPeriods: shifts })).toBeUndefined();
  });

  it('given a policy making law-enforcement non-automatic, when only a law-enforcement roster covers the hours, then it establishes nothing', () => {
    const roster = [duty('2030-11-24T00:00:00.000Z', '2030-11-24T15:00:00.000Z', 'roster-7/1')];
    const nonAutomatic = withCategory('law-enforcement-on-duty', false);
    expect(exemption({ dutyPeriods: roster }, { categories: nonAutomatic })).toBeUndefined();
    expect(
      exemption(
        {
          dutyPeriods: [
            ...roster,
            duty(
              '2030-11-24T00:00:00.000Z',
              '2030-11-24T15:00:00.000Z',
              'roster-9/1',
              'continuous-cycle-work',
            ),
          ],
        },
        { categories: nonAutomatic },
      ),
    ).toEqual({ category: 'continuous-cycle-work', registry: 'duty-rosters', reference: 'roster-9/1' });
  });
});

describe('valid reason 4: a natural disaster declared for the precinct (any part of the polling hours)', () => {
  it('given a disaster from 10:00 to 12:00 local, when assessed, then exempt, citing the decision', () => {
    expect(
      exemption({
        disasters: [disaster('2030-11-24T04:00:00.000Z', '2030-11-24T06:00:00.000Z', 'CEC 412/3')],
      }),
    ).toEqual({ category: 'natural-disaster', registry: 'disaster-declarations', reference: 'CEC 412/3' });
  });

  it('given a disaster ending at the opening exactly, when assessed, then it touched none of the polling hours', () => {
    expect(
      exemption({
        disasters: [disaster('2030-11-23T18:00:00.000Z', '2030-11-24T01:00:00.000Z', 'CEC 412/4')],
      }),
    ).toBeUndefined();
  });

  it('given a disaster starting at the close exactly, when assessed, then it touched none of the polling hours', () => {
    expect(
      exemption({
        disasters: [disaster('2030-11-24T14:00:00.000Z', '2030-11-24T20:00:00.000Z', 'CEC 412/5')],
      }),
    ).toBeUndefined();
  });

  it('given a disaster ending one minute after the opening, when assessed, then exempt', () => {
    expect(
      exemption({
        disasters: [disaster('2030-11-23T18:00:00.000Z', '2030-11-24T01:01:00.000Z', 'CEC 412/6')],
      }),
    ).toEqual({ category: 'natural-disaster', registry: 'disaster-declarations', reference: 'CEC 412/6' });
  });
});

describe("the policy's order and its automatic flag", () => {
  const OVER_70_ABROAD = bornOn('01011950');
  const abroadAllDay = { borderCrossings: [exit('2030-11-20T08:00:00.000Z', 'crossing-30')] };

  it('given a voter over 70 and abroad, when assessed on the statutory order, then over-70 (listed first) is the basis', () => {
    expect(exemption(abroadAllDay, { personalNumber: OVER_70_ABROAD })).toEqual({
      category: 'over-70',
      registry: 'birth-date',
      reference: 'over 70 from 2020-01-02',
    });
  });

  it('given a policy listing abroad before over-70, when the same voter is assessed, then abroad is the basis', () => {
    const abroadFirst = policy({
      categories: [...STATUTORY_EXEMPTION_CATEGORIES.categories].sort(
        (a, b) => Number(b.category === 'abroad') - Number(a.category === 'abroad'),
      ),
    });
    expect(exemption(abroadAllDay, { personalNumber: OVER_70_ABROAD, categories: abroadFirst })).toEqual({
      category: 'abroad',
      registry: 'border-crossings',
      reference: 'crossing-30',
    });
  });

  it('given a registered disability, when assessed, then it comes first on the statutory order', () => {
    expect(
      exemption({ ...abroadAllDay, registeredDisability: true }, { personalNumber: OVER_70_ABROAD }),
    ).toEqual({
      category: 'registered-disability',
      registry: 'disability-registry',
      reference: 'disability-registry',
    });
  });

  it('given a policy with over-70 not automatic, when a voter over 70 is assessed, then the category never establishes', () => {
    expect(
      exemption({}, { personalNumber: OVER_70_ABROAD, categories: withCategory('over-70', false) }),
    ).toBeUndefined();
  });

  it('given a policy with over-70 not automatic, when the voter is also abroad, then the next automatic category is the basis', () => {
    expect(
      exemption(abroadAllDay, { personalNumber: OVER_70_ABROAD, categories: withCategory('over-70', false) }),
    ).toEqual({ category: 'abroad', registry: 'border-crossings', reference: 'crossing-30' });
  });

  it('given a policy that does not list over-70 at all, when a voter over 70 is assessed, then no exemption', () => {
    const without = policy({
      categories: STATUTORY_EXEMPTION_CATEGORIES.categories.filter((entry) => entry.category !== 'over-70'),
    });
    expect(exemption({}, { personalNumber: OVER_70_ABROAD, categories: without })).toBeUndefined();
  });
});
