import { readBorderCrossing } from './border-crossing-row';
import { disasterDeclarationSchema } from './disaster-declaration';
import { readDutyPeriod } from './duty-period-row';
import { factIdOf } from './feed-rows';

const PERSON = '21503199000123';
const crossing = {
  personalNumber: PERSON,
  direction: 'exit',
  at: '2026-11-29T06:40:00+06:00',
  crossingPoint: 'Dostuk',
};
const period = {
  personalNumber: PERSON,
  category: 'military-remote-service',
  from: '2026-11-28T00:00:00+06:00',
  to: '2026-12-01T00:00:00+06:00',
};
const declaration = {
  decisionNumber: '2026/17-5',
  precincts: ['0101-001', '0101-002'],
  from: '2026-11-28T00:00:00Z',
  to: '2026-11-30T00:00:00Z',
};

const fieldsOf = (outcome: { ok: boolean; issues?: readonly { field: string; rule: string }[] }) =>
  outcome.ok ? [] : (outcome.issues ?? []).map((issue) => issue.field);

describe('border crossing rows', () => {
  it('given a well-formed crossing with an offset, when read, then its instant is kept in UTC', () => {
    expect(readBorderCrossing(crossing)).toEqual({
      ok: true,
      value: { ...crossing, at: '2026-11-29T00:40:00.000Z' },
    });
  });

  it.each(['2026-11-29T06:40:00', '2026-11-29', '2026-02-30T06:40:00Z', '29.11.2026 06:40', ''])(
    'given the instant %j (no offset, no time, no such day, not ISO), when read, then `at` is rejected',
    (at) => {
      const outcome = readBorderCrossing({ ...crossing, at });
      expect(fieldsOf(outcome)).toEqual(['at']);
    },
  );

  it('given the direction "out", when read, then the rule names exit or entry', () => {
    expect(readBorderCrossing({ ...crossing, direction: 'out' })).toEqual({
      ok: false,
      issues: [{ field: 'direction', rule: 'expected exit or entry' }],
    });
  });

  it('given a crossing point of 121 characters, when read, then it is rejected; 120 are kept', () => {
    expect(readBorderCrossing({ ...crossing, crossingPoint: 'x'.repeat(121) })).toEqual({
      ok: false,
      issues: [{ field: 'crossingPoint', rule: 'expected at most 120 characters' }],
    });
    expect(readBorderCrossing({ ...crossing, crossingPoint: 'x'.repeat(120) }).ok).toBe(true);
    expect(fieldsOf(readBorderCrossing({ ...crossing, crossingPoint: '   ' }))).toEqual(['crossingPoint']);
  });

  it('given a personal number with no real birth date and a missing field, when read, then both are rejected', () => {
    const { crossingPoint: _left, ...without } = crossing;
    expect(fieldsOf(readBorderCrossing({ ...without, personalNumber: '23102199000123' }))).toEqual([
      'personalNumber',
      'crossingPoint',
    ]);
  });
});

describe('duty roster rows', () => {
  it('given the Ministry of Defence naming its own category, when read, then the period is kept in UTC', () => {
    expect(readDutyPeriod(period, 'ministry:defence')).toEqual({
      ok: true,
      value: { ...period, from: '2026-11-27T18:00:00.000Z', to: '2026-11-30T18:00:00.000Z' },
    });
  });

  it.each([
    ['ministry:defence', 'law-enforcement-on-duty', 'ministry:defence may name only military-remote-service'],
    [
      'ministry:internal-affairs',
      'military-remote-service',
      'ministry:internal-affairs may name only law-enforcement-on-duty',
    ],
    [
      'employer:bishkek-thermal-plant',
      'military-remote-service',
      'employer:bishkek-thermal-plant may name only continuous-cycle-work',
    ],
  ])('given %s naming %s, when read, then the category rule is named', (submitter, category, rule) => {
    const outcome = readDutyPeriod({ ...period, category }, submitter);
    expect(outcome).toEqual({
      ok: false,
      issues: [{ field: 'category', rule: `${rule}: each submitting body names its own category` }],
    });
  });

  it.each([
    ['ministry:internal-affairs', 'law-enforcement-on-duty'],
    ['employer:bishkek-thermal-plant', 'continuous-cycle-work'],
  ])('given %s naming %s, when read, then it is kept', (submitter, category) => {
    expect(readDutyPeriod({ ...period, category }, submitter).ok).toBe(true);
  });

  it('given a category that is no duty category, when read, then the rule lists the three', () => {
    expect(readDutyPeriod({ ...period, category: 'abroad' }, 'ministry:defence')).toEqual({
      ok: false,
      issues: [
        {
          field: 'category',
          rule: 'expected one of military-remote-service, law-enforcement-on-duty, continuous-cycle-work',
        },
      ],
    });
  });

  it.each([
    ['equal to from', '2026-11-28T00:00:00+06:00'],
    ['the same instant in another offset', '2026-11-27T18:00:00Z'],
    ['before from', '2026-11-27T23:59:59+06:00'],
  ])('given to %s, when read, then `to` is rejected: a period ends after it starts', (_, to) => {
    expect(readDutyPeriod({ ...period, to }, 'ministry:defence')).toEqual({
      ok: false,
      issues: [{ field: 'to', rule: 'expected later than from: a period ends after it starts' }],
    });
  });

  it('given a bad from, when read, then `from` alone is named (no order rule on an unreadable instant)', () => {
    expect(fieldsOf(readDutyPeriod({ ...period, from: 'yesterday' }, 'ministry:defence'))).toEqual(['from']);
  });
});

describe('disaster declarations', () => {
  const issuesOf = (value: unknown) => {
    const parsed = disasterDeclarationSchema.safeParse(value);
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('given a declaration with offsets, when parsed, then its period is in UTC', () => {
    expect(disasterDeclarationSchema.parse({ ...declaration, from: '2026-11-28T06:00:00+06:00' })).toEqual({
      ...declaration,
      from: '2026-11-28T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
  });

  it.each(['0101-01', '101-001', '0101001', '0101-001 '])(
    'given the precinct code %j, when parsed, then the declaration is refused naming that precinct',
    (code) => {
      expect(issuesOf({ ...declaration, precincts: ['0101-001', code] })).toEqual([
        'precincts.1: expected a precinct code NNNN-NNN',
      ]);
    },
  );

  it('given a precinct named twice, a period ending at its start and an over-long number, when parsed, then each is named', () => {
    expect(
      issuesOf({
        ...declaration,
        decisionNumber: '1'.repeat(41),
        precincts: ['0101-001', '0101-001'],
        to: declaration.from,
      }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^decisionNumber: /)]));
    expect(issuesOf({ ...declaration, precincts: ['0101-001', '0101-001'], to: declaration.from })).toEqual([
      'precincts.1: expected each precinct once',
      'to: expected later than from: a period ends after it starts',
    ]);
  });
});

describe('natural keys', () => {
  it('given the same fact with its fields in another order, when keyed, then the id is the same UUID v7; another fact, another id', () => {
    const first = factIdOf('BorderCrossingRecorded', { a: 1, b: 'x' });
    expect(factIdOf('BorderCrossingRecorded', { b: 'x', a: 1 })).toEqual(first);
    expect(first.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(factIdOf('DutyPeriodRecorded', { a: 1, b: 'x' }).eventId).not.toBe(first.eventId);
  });
});
