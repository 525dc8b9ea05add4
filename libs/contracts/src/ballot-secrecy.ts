import { z } from 'zod';

/**
 * Field names that would carry or link to a vote choice. Architecture invariant 2: no field, topic, table or
 * log line carries ballot content, and nothing may link a person to ballot issue order.
 */
const BALLOT_CONTENT_NAMES =
  /candidate|part(?:y|ies)|choice|selection|preference|^votes?$|vote[ds]?(?:for|cast|choice)|ballot|ranking/i;

/** Names of a poll book's own counter or identity: its order is the order ballots were handed out. */
const DEVICE_ORDER_NAMES = /sequence|^device|serialnumber/i;

/** A JSON-schema node, as zod writes it. */
type Node = Readonly<Record<string, unknown>>;

/** One schema node of a field and the field's path (`evidence.*`, `range.firstShown`, `<key>` for map keys). */
export interface SchemaField {
  readonly path: string;
  readonly name: string;
  readonly node: Node;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(node: unknown, path: string, name: string, found: SchemaField[]): void {
  if (!isNode(node)) return;
  found.push({ path, name, node });
  const at = (child: string) => (path === '' ? child : `${path}.${child}`);
  if (isNode(node.properties))
    for (const [key, child] of Object.entries(node.properties)) walk(child, at(key), key, found);
  for (const union of ['anyOf', 'oneOf', 'allOf'] as const) {
    const members = node[union];
    if (Array.isArray(members)) for (const member of members) walk(member, path, name, found);
  }
  if (isNode(node.items)) walk(node.items, `${path}[]`, name, found);
  if (isNode(node.additionalProperties)) walk(node.additionalProperties, at('*'), '*', found);
  if (isNode(node.propertyNames)) walk(node.propertyNames, at('<key>'), '<key>', found);
}

/** Every node of a payload schema, nested objects, arrays, unions and map keys included. */
export function schemaFields(schema: z.ZodType): readonly SchemaField[] {
  const found: SchemaField[] = [];
  walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }), '', '', found);
  return found;
}

const unique = (paths: readonly string[]) => [...new Set(paths)].sort();

/** Where in a payload a field's name suggests ballot content (`details.ballotSerial`); a contract must have none. */
export function ballotContentPaths(schema: z.ZodType): readonly string[] {
  return unique(
    schemaFields(schema)
      .filter((field) => field.path !== '' && BALLOT_CONTENT_NAMES.test(field.name))
      .map((field) => field.path),
  );
}

/** The names of those fields, as defineEvent reports them. */
export function ballotContentFields(schema: z.ZodType): readonly string[] {
  return unique(ballotContentPaths(schema).map((path) => path.split('.').at(-1)?.replace('[]', '') ?? path));
}

const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time', 'time', 'email', 'ipv4', 'ipv6']);
// a pattern without * + or {n,} matches strings of a bounded length
const UNBOUNDED_QUANTIFIER = /(?<!\\)[*+]|\{\d+,\}/;

const typesOf = (node: Node): readonly unknown[] => (Array.isArray(node.type) ? node.type : [node.type]);

/** String fields with no upper bound on their length: free text that could carry anything, a choice included. */
export function unboundedStringFields(schema: z.ZodType): readonly string[] {
  return unique(
    schemaFields(schema)
      .filter(({ node }) => {
        if (!typesOf(node).includes('string') || node.enum !== undefined || node.const !== undefined)
          return false;
        if (typeof node.maxLength === 'number') return false;
        if (typeof node.format === 'string' && BOUNDED_FORMATS.has(node.format)) return false;
        return !(typeof node.pattern === 'string' && !UNBOUNDED_QUANTIFIER.test(node.pattern));
      })
      .map((field) => field.path),
  );
}

const TIME_OF_DAY_PATTERN = /\[0-5\]\[0-9\]/;

/** Fields that hold a moment or a time of day: anything finer than a calendar date. */
export function finerThanDateFields(schema: z.ZodType): readonly string[] {
  return unique(
    schemaFields(schema)
      .filter(
        ({ node }) =>
          node.format === 'date-time' ||
          node.format === 'time' ||
          (typeof node.pattern === 'string' && TIME_OF_DAY_PATTERN.test(node.pattern)),
      )
      .map((field) => field.path),
  );
}

/** Fields naming a poll book or its counter: the order it checked voters in. */
export function deviceOrderFields(schema: z.ZodType): readonly string[] {
  return unique(
    schemaFields(schema)
      .filter((field) => field.path !== '' && DEVICE_ORDER_NAMES.test(field.name))
      .map((field) => field.path),
  );
}

/** Whether a payload names one person (a personal number anywhere in it). */
export function namesAPerson(schema: z.ZodType): boolean {
  return schemaFields(schema).some((field) => /^personalNumbers?$/.test(field.name));
}
