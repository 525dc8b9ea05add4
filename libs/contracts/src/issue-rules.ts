import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const FORMAT_RULES: Readonly<Record<string, string>> = {
  date: 'expected a date YYYY-MM-DD',
  datetime: 'expected a UTC date-time YYYY-MM-DDTHH:MM:SS(.sss)Z',
  time: 'expected a time HH:MM',
  uuid: 'expected a UUID',
  base64: 'expected base64',
  email: 'expected an e-mail address',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** The zod schema that raised an issue, as far as its definition tells (e.g. which UUID version it wants). */
function uuidVersionOf(issue: RawIssue): string | null {
  const version = (issue.inst as { _zod?: { def?: { version?: unknown } } } | undefined)?._zod?.def?.version;
  return typeof version === 'string' ? version : null;
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' && !Number.isInteger(input)) return 'a fraction';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function bound(
  origin: string,
  limit: number | bigint,
  word: 'at least' | 'at most' | 'more than' | 'less than',
) {
  if (origin === 'string') return `expected ${word} ${limit} characters`;
  if (origin === 'array' || origin === 'set') return `expected ${word} ${limit} items`;
  return `expected ${word} ${limit}`;
}

/**
 * Words a zod issue as the rule the value broke, without echoing the value: violations are logged and
 * participation data must not leak into logs. Returns undefined to keep zod's own wording.
 */
export const ruleOf: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${kindOf(issue.input)}`;
    case 'invalid_format': {
      if (issue.format === 'uuid') {
        const version = uuidVersionOf(issue);
        return version === null ? 'expected a UUID' : `expected a UUID ${version}`;
      }
      if (issue.format === 'regex') return `expected text matching ${issue.pattern ?? 'the pattern'}`;
      return FORMAT_RULES[issue.format] ?? `expected the ${issue.format} format`;
    }
    case 'too_small':
      if (issue.exact) return bound(issue.origin, issue.minimum, 'at least').replace('at least', 'exactly');
      return bound(issue.origin, issue.minimum, issue.inclusive === false ? 'more than' : 'at least');
    case 'too_big':
      if (issue.exact) return bound(issue.origin, issue.maximum, 'at most').replace('at most', 'exactly');
      return bound(issue.origin, issue.maximum, issue.inclusive === false ? 'less than' : 'at most');
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map(literal).join(' | ')}`;
    case 'unrecognized_keys':
      return 'unknown field';
    case 'invalid_union':
      return 'expected one of the allowed shapes';
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
};
