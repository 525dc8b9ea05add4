import { z } from 'zod';
import {
  ballotContentPaths,
  deviceOrderFields,
  finerThanDateFields,
  namesAPerson,
  unboundedStringFields,
} from './ballot-secrecy';
import type { AnyEventDefinition } from './define-event';
import { eventCatalog } from './event-catalog';

// every version a consumer may still read, not only the current one
const everySchema = eventCatalog
  .definitions()
  .flatMap((definition: AnyEventDefinition) => [
    [`${definition.type} v${definition.version}`, definition, definition.schema] as const,
    ...definition.upcasters.map(
      (step) => [`${definition.type} v${step.fromVersion}`, definition, step.fromSchema] as const,
    ),
  ]);

describe('ballot secrecy: every event contract, every field', () => {
  it('given a schema hiding a choice in a nested object, an array, a union and a map, when walked, then each is found', () => {
    const schema = z.strictObject({
      outer: z.strictObject({ preferredCandidate: z.string().max(10) }),
      list: z.array(z.strictObject({ partyCode: z.string().max(10) })),
      either: z.union([z.strictObject({ ballotNumber: z.number() }), z.strictObject({ other: z.number() })]),
      notes: z.string(),
    });

    expect(ballotContentPaths(schema)).toEqual([
      'either.ballotNumber',
      'list[].partyCode',
      'outer.preferredCandidate',
    ]);
    expect(unboundedStringFields(schema)).toEqual(['notes']);
  });

  it.each(everySchema)('%s has no field that could carry a vote choice', (_, _definition, schema) => {
    expect(ballotContentPaths(schema)).toEqual([]);
  });

  it.each(everySchema)(
    '%s bounds every string: free text (reasons, titles, address references) cannot carry anything',
    (_, _definition, schema) => {
      expect(unboundedStringFields(schema)).toEqual([]);
    },
  );

  it.each(everySchema.filter(([, definition]) => definition.owner === 'turnout' && !definition.ownerOnly))(
    '%s leaves turnout: if it names a person, it carries no time finer than a date and no device or sequence',
    (_, _definition, schema) => {
      const leaks = namesAPerson(schema)
        ? [...finerThanDateFields(schema), ...deviceOrderFields(schema)]
        : [];

      expect(leaks).toEqual([]);
    },
  );

  it('given turnout’s topics, when listed, then the ones with check-in times and device sequences are owner-only', () => {
    const turnoutTopics = eventCatalog.topics().filter((topic) => topic.owner === 'turnout');

    expect(turnoutTopics.filter((topic) => topic.ownerOnly).map((topic) => topic.name)).toEqual([
      'turnout.check-ins.v1',
      'turnout.integrity-alerts.v1',
      'turnout.polls.v1',
    ]);
    expect(
      everySchema
        .filter(([, definition]) => definition.owner === 'turnout' && !definition.ownerOnly)
        .filter(([, , schema]) => deviceOrderFields(schema).some((path) => /sequence/i.test(path)))
        .map(([name]) => name),
    ).toEqual([]);
  });
});
