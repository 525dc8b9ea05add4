import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalBytes, canonicalJson } from './canonical-bytes';

const THROWS = Symbol('throws');

function outcome(run: () => string | undefined): string | undefined | typeof THROWS {
  try {
    return run();
  } catch {
    return THROWS;
  }
}

// UTF-16 code units, lone surrogates included, so strings exercise the well-formedness rule
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const awkwardKey = fc.oneof(
  fc.string(),
  fc.string({ unit: codeUnit, maxLength: 3 }),
  fc.constantFrom('__proto__', 'toJSON', '0', '9', '10', '01', '-1', '1e3', '4294967294', '4294967295', ''),
);

describe('canonicalBytes (RFC 8785)', () => {
  it('given the RFC 8785 §3.2.2 sample, when canonicalized, then numbers, strings and literals are written canonically', () => {
    const input =
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], ' +
      '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}';
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalJson(JSON.parse(input))).toBe(expected);
  });

  it('given the RFC 8785 §3.2.3 sorting sample, when canonicalized, then keys follow UTF-16 code-unit order', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('given an event, when turned into bytes, then they are the UTF-8 encoding of the canonical text', () => {
    const event = { type: 'VoterCheckedIn', payload: { precinctId: 'Бишкек-12', attempts: 1 } };
    expect(Buffer.from(canonicalBytes(event)).toString('utf8')).toBe(
      '{"payload":{"attempts":1,"precinctId":"Бишкек-12"},"type":"VoterCheckedIn"}',
    );
  });

  it('given values with no canonical form, when canonicalized, then it throws', () => {
    for (const value of [undefined, Number.NaN, { a: Infinity }, { s: 'lone \ud800' }, 10n, () => 1]) {
      expect(() => canonicalJson(value)).toThrow();
    }
  });

  it('given deep nesting beyond the fast path, when canonicalized, then the reference path writes it', () => {
    let deep: unknown = { leaf: true };
    for (let depth = 0; depth < 5_000; depth++) deep = [deep];
    expect(canonicalJson(deep)).toBe(canonicalize(deep));
  });

  it('given arbitrary JSON data, when canonicalized, then the text equals the reference implementation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('given JSON data already in canonical key order (as parsed from an export line), when canonicalized, then the text is unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const canonical = canonicalize(value) as string;
        expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
      }),
      { numRuns: 1_000 },
    );
  });

  it('given awkward keys and strings, when canonicalized, then the outcome (text or refusal) equals the reference', () => {
    const awkward = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: codeUnit, maxLength: 4 }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(awkwardKey, tie('value'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(awkward.value, (value) => {
        expect(outcome(() => canonicalJson(value))).toBe(outcome(() => canonicalize(value)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('given JavaScript values beyond JSON (Dates, Maps, boxed values, null prototypes), when canonicalized, then the outcome equals the reference', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withDate: true,
          withMap: true,
          withSet: true,
          withBoxedValues: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
          withObjectString: true,
        }),
        (value) => {
          const expected = outcome(() => canonicalize(value));
          expect(outcome(() => canonicalJson(value))).toBe(expected === undefined ? THROWS : expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
