import { z } from 'zod';

/**
 * Field names that would carry or link to a vote choice. Architecture invariant 2: no field, topic, table or
 * log line carries ballot content, and nothing may link a person to ballot issue order.
 */
const BALLOT_CONTENT_NAMES =
  /candidate|part(?:y|ies)|choice|vote[ds]?for|ballot(?:content|mark|choice|serial|number|order|paper)/i;

function propertyNames(jsonSchema: unknown, found: string[] = []): string[] {
  if (Array.isArray(jsonSchema)) {
    for (const item of jsonSchema) propertyNames(item, found);
  } else if (typeof jsonSchema === 'object' && jsonSchema !== null) {
    for (const [key, value] of Object.entries(jsonSchema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null)
        found.push(...Object.keys(value));
      propertyNames(value, found);
    }
  }
  return found;
}

/** The payload fields whose names suggest ballot content; an event contract must have none. */
export function ballotContentFields(schema: z.ZodType): readonly string[] {
  const jsonSchema = z.toJSONSchema(schema, { unrepresentable: 'any' });
  return [...new Set(propertyNames(jsonSchema).filter((name) => BALLOT_CONTENT_NAMES.test(name)))].sort();
}
