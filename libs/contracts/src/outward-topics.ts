import { deviceOrderFields, finerThanDateFields, namesAPerson } from './ballot-secrecy';
import { eventCatalog } from './event-catalog';
import type { ServiceName } from './service-name';

/**
 * What a service's consumer group must not read from another service's topics (docs/ballot-secrecy.md): an
 * owner-only topic, or an event that names a person with a time finer than a date or a device field. Each problem
 * names the topic and the field; none is the answer a consumer's test expects.
 */
export function outwardReadProblems(consumer: ServiceName, topics: readonly string[]): readonly string[] {
  return topics.flatMap((name) => {
    const topic = eventCatalog.topics().find((candidate) => candidate.name === name);
    if (!topic) return [`${name}: not a topic of the catalog`];
    if (topic.owner === consumer) return [];
    if (topic.ownerOnly) return [`${name}: only ${topic.owner} may read it`];
    return topic.eventTypes.flatMap((type) => {
      const definition = eventCatalog.definition(type);
      if (!definition) return [`${name}: ${type} is not in the catalog`];
      return [definition.schema, ...definition.upcasters.map((step) => step.fromSchema)]
        .filter(namesAPerson)
        .flatMap((schema) => [...finerThanDateFields(schema), ...deviceOrderFields(schema)])
        .map((field) => `${name}: ${type}.${field} names a person with a time or a device`);
    });
  });
}
