import fc from 'fast-check';
import { conforms, malformedValue, validValue } from './json-schema-values';
import type { JsonSchema, Operation, OperationParameter } from './openapi-operations';
import { exampleRequest, type OperationRequest } from './operation-requests';

/** A request broken in one place, and the field its 4xx must name (undefined: any field will do). */
export interface MalformedRequest {
  readonly mutation: string;
  readonly request: OperationRequest;
  readonly field: string | undefined;
  /** false for a value the schema leaves open: any answer but a 5xx, and a 4xx in the one shape */
  readonly refused: boolean;
}

// a path segment of dots is resolved away by URL normalization, an empty one routes elsewhere
const routable = (value: string) => !/^\.{0,2}$/.test(value);
// a header value is Latin-1 without control characters, and HTTP trims its ends
const sendable = (value: string) =>
  /^[\x21-\x7e\xa0-\xff]([\x20-\x7e\xa0-\xff]*[\x21-\x7e\xa0-\xff])?$/.test(value);

// query strings arrive as text: a number or a flag is read from it, as the query schemas coerce
function fromQuery(schema: JsonSchema, text: string): unknown {
  const types = [schema['type']].flat();
  if (
    (types.includes('integer') || types.includes('number')) &&
    text.trim() !== '' &&
    !Number.isNaN(Number(text))
  )
    return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const TEXT_CANDIDATES: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'null',
    '-1',
    '0',
    '1.5',
    '9007199254740993',
    'true',
    '[]',
    '{}',
    ' ',
    '%',
    '0x10',
    '1e3',
    '２０３０',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 2_000 }),
);
const TEXT_PROBE = fc.sample(TEXT_CANDIDATES, { numRuns: 300, seed: 7 });

function parameterMutations(operation: Operation, base: OperationRequest): fc.Arbitrary<MalformedRequest>[] {
  return operation.parameters.flatMap((parameter) => {
    const deliverable = (text: string) =>
      parameter.in === 'path' ? routable(text) : parameter.in === 'header' ? sendable(text) : true;
    const breaks = (text: string) =>
      deliverable(text) &&
      !conforms(parameter.schema, parameter.in === 'query' ? fromQuery(parameter.schema, text) : text);
    // a parameter its schema does not constrain is still sent anything: the answer may be any but a 5xx
    const constrained = TEXT_PROBE.some(breaks);
    const texts = TEXT_CANDIDATES.filter(constrained ? breaks : deliverable);
    return [
      texts.map((text) => withParameter(base, parameter, [text], constrained)),
      ...(parameter.in === 'query' && parameter.schema['type'] !== 'array'
        ? [fc.constant(withParameter(base, parameter, ['1', '2'], true))]
        : []),
    ];
  });
}

function withParameter(
  base: OperationRequest,
  parameter: OperationParameter,
  values: string[],
  refused: boolean,
): MalformedRequest {
  if (parameter.in === 'header') {
    return {
      mutation: `header ${parameter.name}: ${JSON.stringify(values[0])}`,
      request: { ...base, headers: { ...base.headers, [parameter.name]: values[0] as string } },
      field: parameter.name,
      refused,
    };
  }
  if (parameter.in === 'path') {
    return {
      mutation: `path ${parameter.name}=${JSON.stringify(values[0])}`,
      request: { ...base, pathParameters: { ...base.pathParameters, [parameter.name]: values[0] as string } },
      field: parameter.name,
      refused,
    };
  }
  return {
    mutation: `query ${parameter.name}=${JSON.stringify(values)}`,
    request: {
      ...base,
      query: [
        ...base.query.filter(([name]) => name !== parameter.name),
        ...values.map((value) => [parameter.name, value] as const),
      ],
    },
    field: parameter.name,
    refused,
  };
}

interface BrokenValue {
  readonly value: unknown;
  readonly field: string;
  readonly how: string;
}

const fieldPath = (prefix: string, name: string | number) => (prefix ? `${prefix}.${name}` : String(name));

/** The value broken in one place, reached through its properties and items: replaced, left out or added to. */
function brokenValues(schema: JsonSchema, value: unknown, prefix: string): fc.Arbitrary<BrokenValue>[] {
  const here = malformedValue(schema);
  const replaced = here
    ? [here.map((broken): BrokenValue => ({ value: broken, field: prefix || '(body)', how: 'replaced' }))]
    : [];
  if (Array.isArray(value) && value.length > 0 && schema['items']) {
    const inner = brokenValues(schema['items'] as JsonSchema, value[0], fieldPath(prefix, 0)).map(
      (arbitrary) => arbitrary.map((broken) => ({ ...broken, value: [broken.value, ...value.slice(1)] })),
    );
    return [...replaced, ...inner];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return replaced;
  const record = value as Record<string, unknown>;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  const nested = Object.entries(properties).flatMap(([name, property]) => {
    const path = fieldPath(prefix, name);
    const inner = brokenValues(property, record[name], path).map((arbitrary) =>
      arbitrary.map((broken) => ({ ...broken, value: { ...record, [name]: broken.value } })),
    );
    const { [name]: _left, ...without } = record;
    const missing = required.has(name)
      ? [fc.constant<BrokenValue>({ value: without, field: path, how: 'left out' })]
      : [];
    return [...inner, ...missing];
  });
  const added =
    schema['additionalProperties'] === false
      ? [
          fc
            .string({ minLength: 1, maxLength: 12 })
            .filter((name) => !(name in properties) && name !== '__proto__')
            .map((name): BrokenValue => ({
              value: { ...record, [name]: 1 },
              field: prefix || '(body)',
              how: `added ${name}`,
            })),
        ]
      : [];
  return [...nested, ...added, ...replaced];
}

const JSON_SYNTAX_ERRORS = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    "{'a':1}",
    '{"a":1,}',
    'NaN',
    'undefined',
    '[1,2',
    '\uFEFF{}x',
    '{"a":"\u0000',
    'nul',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
);

function bodyMutations(operation: Operation, base: OperationRequest): fc.Arbitrary<MalformedRequest>[] {
  const body = operation.body;
  if (!body) return [];
  const withBody = (raw: string | Buffer, headers = base.headers): OperationRequest => ({
    ...base,
    body: raw,
    headers,
  });
  if (body.contentType !== 'application/json') {
    // a file upload read from the stream: only its media type is the caller's to get wrong
    return [
      fc
        .constantFrom(
          'application/json',
          'text/plain',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
        )
        .map((type) => ({
          mutation: `content-type ${type}`,
          request: withBody('{"a":1}', { 'content-type': type }),
          field: 'Content-Type',
          refused: true,
        })),
    ];
  }
  return [
    validValue(body.schema).chain((valid) =>
      fc.oneof(...brokenValues(body.schema, valid, '')).map((broken) => ({
        mutation: `body ${broken.field} ${broken.how}: ${JSON.stringify(broken.value)?.slice(0, 120)}`,
        request: withBody(JSON.stringify(broken.value)),
        field: broken.field,
        refused: true,
      })),
    ),
    JSON_SYNTAX_ERRORS.filter((text) => !parses(text)).map((text) => ({
      mutation: `body not JSON: ${JSON.stringify(text)}`,
      request: withBody(text),
      field: undefined,
      refused: true,
    })),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin-9',
        'image/png',
      )
      .map((type) => ({
        mutation: `content-type ${type}`,
        request: withBody(base.body ?? '{}', { 'content-type': type }),
        field: undefined,
        refused: true,
      })),
    fc.constantFrom('gzip', 'br', 'x-unknown').map((encoding) => ({
      mutation: `content-encoding ${encoding} on plain JSON`,
      request: withBody(base.body ?? '{}', { ...base.headers, 'content-encoding': encoding }),
      field: undefined,
      refused: true,
    })),
    fc.integer({ min: 200_000, max: 400_000 }).map((size) => ({
      mutation: `body of ${size} bytes`,
      request: withBody(JSON.stringify({ padding: 'x'.repeat(size) })),
      field: undefined,
      refused: true,
    })),
  ];
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Requests to an operation that its schema refuses: broken params, query strings, bodies and headers. */
export function malformedRequests(operation: Operation): fc.Arbitrary<MalformedRequest> | undefined {
  const base = exampleRequest(operation);
  const mutations = [...parameterMutations(operation, base), ...bodyMutations(operation, base)];
  return mutations.length > 0 ? fc.oneof(...mutations) : undefined;
}
