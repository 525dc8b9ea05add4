import { parseGenerateCountryArguments } from './generate-country-arguments';

const required = ['--out', '/tmp/country', '--reference-date', '2030-11-24'];

describe('the generate-country command line', () => {
  it('given the required options, then the defaults fill in citizens and seed', () => {
    expect(parseGenerateCountryArguments(required)).toEqual({
      ok: true,
      value: { out: '/tmp/country', citizens: 10_000, seed: 'kyrgyzstan', referenceDate: '2030-11-24' },
    });
  });

  it('accepts digit groups in the citizen count', () => {
    const parsed = parseGenerateCountryArguments([...required, '--citizens', '4_000_000', '--seed', 's']);
    expect(parsed).toMatchObject({ ok: true, value: { citizens: 4_000_000, seed: 's' } });
  });

  it.each([
    [['--reference-date', '2030-11-24'], '--out is required'],
    [['--out', 'x'], '--reference-date is required'],
    [
      ['--out', 'x', '--reference-date', '2030-02-29'],
      '--reference-date 2030-02-29: expected an existing date',
    ],
    [
      ['--out', 'x', '--reference-date', '1850-01-01'],
      '--reference-date 1850-01-01: expected a year from 1950',
    ],
    [[...required, '--citizens', '999'], '--citizens 999: expected a whole number from 1000 to 25000000'],
    [[...required, '--citizens', '25000001'], '--citizens 25000001: expected a whole number from 1000'],
    [[...required, '--citizens', '1e6'], '--citizens 1e6: expected a whole number'],
    [[...required, '--citizens=-5000'], '--citizens -5000: expected a whole number'],
    [[...required, '--seed', ''], '--seed must not be empty'],
    [[...required, '--colour', 'red'], "Unknown option '--colour'"],
  ])('given %j, then it refuses, naming the option and the rule', (argv, message) => {
    const parsed = parseGenerateCountryArguments(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
