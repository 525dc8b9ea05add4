import { z } from 'zod';
import { contractViolation, fieldIssuesOf, type ContractViolation } from './contract-violation';
import { ContractDefinitionError, type AnyEventDefinition, type EventDefinition } from './define-event';
import { eventEnvelopeSchema, type EventEnvelope, type NewEvent } from './envelope';
import { ruleOf } from './issue-rules';
import { readPayloadAt } from './read-payload';
import { err, ok, type Result } from './result';
import { SERVICE_NAMES, isServiceName, type ServiceName } from './service-name';
import { byCodeUnits } from './ordering';
import { topicName } from './topic-name';

/** A Kafka topic and the event types that travel on it. */
export interface TopicDescription {
  readonly name: string;
  readonly owner: ServiceName;
  readonly stream: string;
  readonly major: number;
  /** read only by the owner's own consumer group (docs/ballot-secrecy.md) */
  readonly ownerOnly: boolean;
  readonly eventTypes: readonly string[];
}

/** A new event that passed its contract, with everything the store stamps on it. */
export interface ValidatedEvent<TType extends string = string, TPayload = unknown> {
  readonly type: TType;
  /** Always the current version: a producer never writes an old one. */
  readonly schemaVersion: number;
  readonly payload: TPayload;
  readonly partitionKey: string;
  readonly topic: string;
}

export type EnvelopeOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? EventEnvelope<TType, z.output<TSchema>>
    : never;

export type ValidatedEventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? ValidatedEvent<TType, z.output<TSchema>>
    : never;

/** What a store holds of an event to read it back through its contract. */
export interface StoredPayload {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly payload: unknown;
}

/** An event read through its contract: its type, the current schema version and the upcast payload. */
export type ParsedOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? { readonly type: TType; readonly schemaVersion: number; readonly payload: z.output<TSchema> }
    : never;

const anyUuid = z.uuid();

function servicesAllowedToProduce(definition: AnyEventDefinition): readonly ServiceName[] {
  return definition.owner === 'any' ? SERVICE_NAMES : [definition.owner];
}

function describeTopics(definitions: readonly AnyEventDefinition[]): readonly TopicDescription[] {
  const topics = new Map<
    string,
    { owner: ServiceName; stream: string; major: number; ownerOnly: boolean; eventTypes: string[] }
  >();
  for (const definition of definitions) {
    for (const owner of servicesAllowedToProduce(definition)) {
      const name = topicName(owner, definition.stream, definition.topicMajor);
      const topic = topics.get(name) ?? {
        owner,
        stream: definition.stream,
        major: definition.topicMajor,
        ownerOnly: definition.ownerOnly,
        eventTypes: [],
      };
      // an owner-only topic that also carries an outward event would hand that topic to other services
      if (topic.ownerOnly !== definition.ownerOnly)
        throw new ContractDefinitionError(
          `${definition.type}: every event of ${name} must agree on ownerOnly (${topic.eventTypes.join(', ')} say ${topic.ownerOnly})`,
        );
      topic.eventTypes.push(definition.type);
      topics.set(name, topic);
    }
  }
  return [...topics.entries()]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([name, topic]) =>
      Object.freeze({ name, ...topic, eventTypes: Object.freeze(topic.eventTypes.sort()) }),
    );
}

function checkOneMajorPerStream(topics: readonly TopicDescription[]): void {
  const majorsByStream = new Map<string, number[]>();
  for (const topic of topics) {
    const stream = `${topic.owner}.${topic.stream}`;
    majorsByStream.set(stream, [...(majorsByStream.get(stream) ?? []), topic.major]);
  }
  for (const [stream, majors] of majorsByStream) {
    // one stream split over two topics would lose the per-key order its consumers rely on
    if (majors.length > 1)
      throw new ContractDefinitionError(`stream ${stream} spans topic majors ${majors.join(', ')}`);
  }
}

/** Every event contract the ledger knows: the single place producers and consumers validate events. */
export class EventCatalog<TDefinition extends AnyEventDefinition = AnyEventDefinition> {
  private readonly byType: ReadonlyMap<string, TDefinition>;
  private readonly topicList: readonly TopicDescription[];

  constructor(definitions: readonly TDefinition[]) {
    const byType = new Map<string, TDefinition>();
    for (const definition of definitions) {
      if (byType.has(definition.type))
        throw new ContractDefinitionError(`${definition.type} is defined twice`);
      byType.set(definition.type, definition);
    }
    this.byType = new Map([...byType.entries()].sort(([a], [b]) => byCodeUnits(a, b)));
    this.topicList = describeTopics([...this.byType.values()]);
    checkOneMajorPerStream(this.topicList);
  }

  /** All definitions, sorted by event type. */
  definitions(): readonly TDefinition[] {
    return [...this.byType.values()];
  }

  definition<TType extends TDefinition['type']>(type: TType): Extract<TDefinition, { readonly type: TType }>;
  definition(type: string): TDefinition | undefined;
  definition(type: string): TDefinition | undefined {
    return this.byType.get(type);
  }

  /** The schema version the store stamps on a new event of this type. */
  currentVersion(type: string): number {
    return this.known(type).version;
  }

  /** The topic `producer` publishes events of `type` to; throws if that service may not produce them. */
  topicOf(type: string, producer: ServiceName): string {
    const definition = this.known(type);
    if (!servicesAllowedToProduce(definition).includes(producer)) {
      throw new Error(`${type} is owned by ${definition.owner}; ${producer} cannot produce it`);
    }
    return topicName(producer, definition.stream, definition.topicMajor);
  }

  /** Every topic with its owner and event types, sorted by name ('any' events appear under every service). */
  topics(): readonly TopicDescription[] {
    return this.topicList;
  }

  /** Checks a decider's new event against the current contract before the store appends it. */
  parseForProduce(
    producer: ServiceName,
    event: NewEvent,
  ): Result<ValidatedEventOf<TDefinition>, ContractViolation> {
    const definition = this.byType.get(event.type);
    if (definition === undefined) {
      return err(
        contractViolation('unknown-type', { eventType: event.type }, [
          { path: event.type, rule: 'unknown event type' },
        ]),
      );
    }
    const subject = { eventType: event.type, schemaVersion: definition.version };
    if (!servicesAllowedToProduce(definition).includes(producer)) {
      const rule = `owned by ${definition.owner}; ${producer} cannot produce it`;
      return err(contractViolation('not-the-owner', subject, [{ path: `${event.type}.producer`, rule }]));
    }
    const parsed = definition.schema.safeParse(event.payload, { error: ruleOf });
    if (!parsed.success) {
      return err(
        contractViolation('invalid-payload', subject, fieldIssuesOf(`${event.type}.payload`, parsed.error)),
      );
    }
    return ok({
      type: definition.type,
      schemaVersion: definition.version,
      payload: parsed.data,
      partitionKey: definition.partitionKey(parsed.data),
      topic: topicName(producer, definition.stream, definition.topicMajor),
    } as ValidatedEventOf<TDefinition>);
  }

  /**
   * Checks an event read from Kafka (or an exported log): the envelope, then the payload at the version it was
   * written in, upcast to the current version. A violation is a value, so the consumer can park the event.
   */
  parseForConsume(envelope: unknown): Result<EnvelopeOf<TDefinition>, ContractViolation> {
    const claimed =
      typeof envelope === 'object' && envelope !== null ? (envelope as Record<string, unknown>) : {};
    // only a well-formed type name is echoed back: the rest of a malformed message may be anything
    const claimedType = eventEnvelopeSchema.shape.type.safeParse(claimed.type).success
      ? (claimed.type as string)
      : null;
    const eventId = anyUuid.safeParse(claimed.eventId).success ? (claimed.eventId as string) : null;
    const parsed = eventEnvelopeSchema.safeParse(envelope, { error: ruleOf });
    if (!parsed.success) {
      const issues = fieldIssuesOf(claimedType ?? 'event', parsed.error);
      return err(contractViolation('invalid-envelope', { eventType: claimedType, eventId }, issues));
    }
    const event = parsed.data;
    const subject = { eventType: event.type, eventId: event.eventId, schemaVersion: event.schemaVersion };
    const definition = this.byType.get(event.type);
    if (definition === undefined) {
      const rule =
        'unknown event type: not in the catalog of this consumer (upgrade @vl/contracts, or park it)';
      return err(contractViolation('unknown-type', subject, [{ path: `${event.type}.type`, rule }]));
    }
    const producers = servicesAllowedToProduce(definition);
    if (!(isServiceName(event.producer) && producers.includes(event.producer))) {
      const rule = `expected ${producers.length === 1 ? `${definition.owner} (the owner)` : `one of ${producers.join(' | ')}`}`;
      return err(contractViolation('not-the-owner', subject, [{ path: `${event.type}.producer`, rule }]));
    }
    const payload = readPayloadAt(definition, event.schemaVersion, event.payload, { eventId: event.eventId });
    if (!payload.ok) return payload;
    if (definition.partitionKey(payload.value) !== event.partitionKey) {
      const rule = `does not match the key derived from the payload (${definition.partitionKeyDescription})`;
      return err(
        contractViolation('partition-key-mismatch', subject, [{ path: `${event.type}.partitionKey`, rule }]),
      );
    }
    // the envelope now describes the upcast payload; hash checks use the bytes as received, not this object
    return ok({
      ...event,
      schemaVersion: definition.version,
      payload: payload.value,
    } as EnvelopeOf<TDefinition>);
  }

  /**
   * Reads an event back from the producer's own store: its payload at the version it was written in, upcast to
   * the current version (the store checked the rest of the envelope when it appended it).
   */
  parseStored(event: StoredPayload): Result<ParsedOf<TDefinition>, ContractViolation> {
    const definition = this.byType.get(event.type);
    if (definition === undefined) {
      const subject = { eventType: event.type, eventId: event.eventId, schemaVersion: event.schemaVersion };
      return err(
        contractViolation('unknown-type', subject, [
          { path: `${event.type}.type`, rule: 'unknown event type' },
        ]),
      );
    }
    const payload = readPayloadAt(definition, event.schemaVersion, event.payload, { eventId: event.eventId });
    if (!payload.ok) return payload;
    return ok({
      type: definition.type,
      schemaVersion: definition.version,
      payload: payload.value,
    } as ParsedOf<TDefinition>);
  }

  private known(type: string): TDefinition {
    const definition = this.byType.get(type);
    if (definition === undefined) throw new Error(`${type} is not in the event catalog`);
    return definition;
  }
}
