import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';

const FORMAT_PATTERNS: Readonly<Record<string, RegExp>> = {
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

const FORMAT_EXAMPLES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  uuid: fc.uuid({ version: 7 }),
  date: fc.constantFrom('2030-11-24', '2031-03-01'),
  'date-time': fc.constantFrom('2030-11-24T08:00:00Z', '2030-11-24T14:30:00+06:00'),
};

function typesOf(schema: JsonSchema): string[] | undefined {
  const type = schema['type'];
  if (type === undefined) return undefined;
  return Array.isArray(type) ? (type as string[]) : [type as string];
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether a JSON value meets a JSON schema, for the keywords the generated documents use. */
export function conforms(schema: JsonSchema, value: unknown): boolean {
  if ('const' in schema && value !== schema['const']) return false;
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) return false;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as JsonSchema[] | undefined;
    if (options && !options.some((option) => conforms(option, value))) return false;
  }
  const all = schema['allOf'] as JsonSchema[] | undefined;
  if (all && !all.every((part) => conforms(part, value))) return false;
  const types = typesOf(schema);
  if (types) {
    const actual = typeOfValue(value);
    const matches = types.some(
      (type) =>
        type === actual ||
        (type === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
        (type === 'number' && typeof value === 'number'),
    );
    if (!matches) return false;
  }
  if (typeof value === 'string') return stringConforms(schema, value);
  if (typeof value === 'number') return numberConforms(schema, value);
  if (Array.isArray(value)) {
    const items = schema['items'] as JsonSchema | undefined;
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) return false;
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) return false;
    return !items || value.every((item) => conforms(items, item));
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const name of (schema['required'] ?? []) as string[]) if (!(name in record)) return false;
    for (const [name, item] of Object.entries(record)) {
      const property = properties[name];
      if (property) {
        if (!conforms(property, item)) return false;
      } else if (schema['additionalProperties'] === false) return false;
      else if (typeof schema['additionalProperties'] === 'object') {
        if (!conforms(schema['additionalProperties'] as JsonSchema, item)) return false;
      }
    }
  }
  return true;
}

function stringConforms(schema: JsonSchema, value: string): boolean {
  const length = [...value].length;
  if (typeof schema['minLength'] === 'number' && length < schema['minLength']) return false;
  if (typeof schema['maxLength'] === 'number' && length > schema['maxLength']) return false;
  if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern']).test(value)) return false;
  const format = FORMAT_PATTERNS[schema['format'] as string];
  return !format || format.test(value);
}

function numberConforms(schema: JsonSchema, value: number): boolean {
  if (typeof schema['minimum'] === 'number' && value < schema['minimum']) return false;
  if (typeof schema['maximum'] === 'number' && value > schema['maximum']) return false;
  if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) return false;
  if (typeof schema['exclusiveMaximum'] === 'number' && value >= schema['exclusiveMaximum']) return false;
  return true;
}

/** Values that meet a schema: the well-formed base a fuzz case breaks in one place. */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const options = (schema['anyOf'] ?? schema['oneOf']) as JsonSchema[] | undefined;
  if (options?.length) return fc.oneof(...options.map(validValue));
  const type = typesOf(schema)?.[0];
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer':
    case 'number': {
      const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
      const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : min + 1000;
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, min + 1000)) });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      const items = (schema['items'] ?? {}) as JsonSchema;
      return fc.array(validValue(items), { minLength, maxLength: minLength + 2 });
    }
    case 'object':
      return validObject(schema);
    default:
      return schema['properties'] ? validObject(schema) : fc.string({ maxLength: 8 });
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const format = FORMAT_EXAMPLES[schema['format'] as string];
  if (format && conforms(schema, fc.sample(format, { numRuns: 1, seed: 1 })[0])) return format;
  if (typeof schema['pattern'] === 'string')
    return fc.stringMatching(new RegExp(schema['pattern'])).filter((value) => conforms(schema, value));
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 1;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : minLength + 12;
  return fc.string({ unit: 'grapheme-ascii', minLength, maxLength: Math.min(maxLength, minLength + 12) });
}

// rules a JSON schema cannot state (a personal number's birth date) are met by a real example
const WELL_FORMED_EXAMPLES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  personalNumber: fc.constantFrom('21503199000123', '11201198500042'),
};

/** Values that meet a named field's schema, a real example where the field's rules go beyond the schema. */
export function validProperty(name: string, schema: JsonSchema): fc.Arbitrary<unknown> {
  const example = WELL_FORMED_EXAMPLES[name];
  const sample = example && fc.sample(example, { numRuns: 1, seed: 1 })[0];
  return example && conforms(schema, sample) ? example : validValue(schema);
}

function validObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, validProperty(name, property)]),
    ),
    { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) },
  );
}

const MALFORMED_CANDIDATES: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 60), '', ' ', 'null', [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 2_000 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Values that break a schema, or nothing when the schema admits anything. */
export function malformedValue(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (!malformedBySchema.has(schema)) {
    const breakable = MALFORMED_PROBE.some((value) => !conforms(schema, value));
    malformedBySchema.set(
      schema,
      breakable ? MALFORMED_CANDIDATES.filter((value) => !conforms(schema, value)) : undefined,
    );
  }
  return malformedBySchema.get(schema);
}

const MALFORMED_PROBE = fc.sample(MALFORMED_CANDIDATES, { numRuns: 200, seed: 7 });
const malformedBySchema = new WeakMap<JsonSchema, fc.Arbitrary<unknown> | undefined>();
