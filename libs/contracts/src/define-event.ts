import { z } from 'zod';
import { eventEnvelopeSchema, type NewEvent } from './envelope';
import { ballotContentFields } from './ballot-secrecy';
import { SERVICE_NAMES, type EventOwner } from './service-name';
import { CHECKPOINTS_STREAM, SHARED_STREAMS, STREAM_NAME_PATTERN } from './topic-name';

/** A payload is a strict zod object: unknown fields are rejected, so nothing can ride along unvalidated. */
export type PayloadSchema = z.ZodObject;

/** One step of the read-side migration: a payload valid at `fromVersion` becomes one valid at `fromVersion + 1`. */
export interface Upcaster<
  TFrom extends PayloadSchema = PayloadSchema,
  TTo extends PayloadSchema = PayloadSchema,
> {
  readonly fromVersion: number;
  /** The payload schema as it was at `fromVersion`; old events are validated against it before upcasting. */
  readonly fromSchema: TFrom;
  /** The schema of `fromVersion + 1`: the next upcaster's `fromSchema`, or the definition's `schema` for the last. */
  readonly toSchema: TTo;
  upcast(payload: z.output<TFrom>): z.input<TTo>;
}

export interface EventSpec<TType extends string, TSchema extends PayloadSchema> {
  /** PascalCase, past tense: what happened (`ElectionCalled`). */
  readonly type: TType;
  readonly owner: EventOwner;
  /** kebab-case; with the owner and the topic major it names the topic `<service>.<stream>.v<major>`. */
  readonly stream: string;
  /** The current payload schema version, the one producers write; 1 + the number of upcasters. */
  readonly version: number;
  readonly schema: TSchema;
  /** Kafka key: every event with the same key is read in order (the voter, for voter-scoped events). */
  partitionKey(payload: z.output<TSchema>): string;
  /** The key in words for the AsyncAPI document, e.g. `electionId`. */
  readonly partitionKeyDescription: string;
  readonly description: string;
  /** Ordered v1→v2, v2→v3, …; required exactly when version > 1. */
  readonly upcasters?: readonly Upcaster[];
  /** The topic's major version: 1 until a breaking change moves the whole stream to a new topic. */
  readonly topicMajor?: number;
  /**
   * Only the owner's own consumer group reads the topic: it carries what must not leave the service (check-in
   * times and device sequences, see docs/ballot-secrecy.md). Every event of a stream says the same.
   */
  readonly ownerOnly?: boolean;
}

export interface EventDefinition<
  TType extends string = string,
  TSchema extends PayloadSchema = PayloadSchema,
> extends Required<Omit<EventSpec<TType, TSchema>, 'partitionKey'>> {
  partitionKey(payload: z.output<TSchema>): string;
}

export type AnyEventDefinition = EventDefinition<string, PayloadSchema>;

export type PayloadOf<TDefinition> =
  TDefinition extends EventDefinition<string, infer TSchema> ? z.output<TSchema> : never;

/** The event as a decider emits it: `NewEventOf<typeof electionCalled>`. */
export type NewEventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema>
    ? NewEvent<TType, z.output<TSchema>>
    : never;

/** A contract written wrongly: thrown when the module loads, so it never reaches a running service. */
export class ContractDefinitionError extends Error {
  override readonly name = 'ContractDefinitionError';
}

/** Types one upcaster so that `upcast` sees the old payload and must return the next version's input. */
export function upcaster<TFrom extends PayloadSchema, TTo extends PayloadSchema>(
  step: Upcaster<TFrom, TTo>,
): Upcaster {
  return step as unknown as Upcaster;
}

function isStrict(schema: PayloadSchema): boolean {
  return schema._zod.def.catchall?._zod.def.type === 'never';
}

function problemsOf(spec: EventSpec<string, PayloadSchema>): readonly string[] {
  const problems: string[] = [];
  const upcasters = spec.upcasters ?? [];
  if (!eventEnvelopeSchema.shape.type.safeParse(spec.type).success) problems.push('type must be PascalCase');
  if (spec.owner !== 'any' && !SERVICE_NAMES.includes(spec.owner)) {
    problems.push(`owner must be one of ${SERVICE_NAMES.join(', ')} or 'any'`);
  }
  if (!STREAM_NAME_PATTERN.test(spec.stream)) problems.push('stream must be kebab-case');
  if (spec.stream === CHECKPOINTS_STREAM)
    problems.push(`stream '${CHECKPOINTS_STREAM}' is reserved for signed tree heads`);
  if (spec.owner === 'any' && !SHARED_STREAMS.includes(spec.stream)) {
    const [operations, ...others] = SHARED_STREAMS;
    problems.push(
      `events any service may append live in the '${operations}' stream or in '${others.join("', '")}'`,
    );
  }
  const major = spec.topicMajor ?? 1;
  if (!Number.isSafeInteger(major) || major < 1) problems.push('topicMajor must be a positive integer');
  if (!Number.isSafeInteger(spec.version) || spec.version < 1)
    problems.push('version must be a positive integer');
  else if (upcasters.length !== spec.version - 1) {
    problems.push(
      `version ${spec.version} needs ${spec.version - 1} upcaster(s), one per older version; got ${upcasters.length}`,
    );
  }
  upcasters.forEach((step, index) => {
    const next = upcasters[index + 1]?.fromSchema ?? spec.schema;
    if (step.fromVersion !== index + 1)
      problems.push(`upcaster ${index} must start at v${index + 1}, not v${step.fromVersion}`);
    if (step.toSchema !== next)
      problems.push(`upcaster v${step.fromVersion} must produce the v${step.fromVersion + 1} schema`);
    if (!isStrict(step.fromSchema)) problems.push(`the v${step.fromVersion} schema must be a z.strictObject`);
  });
  if (!isStrict(spec.schema)) problems.push('schema must be a z.strictObject so unknown fields are rejected');
  const ballotFields = [spec.schema, ...upcasters.map((step) => step.fromSchema)].flatMap(
    ballotContentFields,
  );
  if (ballotFields.length > 0) {
    problems.push(
      `fields ${[...new Set(ballotFields)].join(', ')} look like ballot content, which no event may carry`,
    );
  }
  if (spec.description.trim() === '') problems.push('description is required');
  if (spec.partitionKeyDescription.trim() === '') problems.push('partitionKeyDescription is required');
  return problems;
}

/** Declares one event contract; a wrongly written contract throws at load time, naming every problem. */
export function defineEvent<const TType extends string, TSchema extends PayloadSchema>(
  spec: EventSpec<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  const problems = problemsOf(spec as unknown as EventSpec<string, PayloadSchema>);
  if (problems.length > 0) throw new ContractDefinitionError(`${spec.type}: ${problems.join('; ')}`);
  return Object.freeze({
    type: spec.type,
    owner: spec.owner,
    stream: spec.stream,
    version: spec.version,
    schema: spec.schema,
    partitionKey: (payload: z.output<TSchema>) => spec.partitionKey(payload),
    partitionKeyDescription: spec.partitionKeyDescription,
    description: spec.description,
    upcasters: Object.freeze([...(spec.upcasters ?? [])]),
    topicMajor: spec.topicMajor ?? 1,
    ownerOnly: spec.ownerOnly ?? false,
  });
}
