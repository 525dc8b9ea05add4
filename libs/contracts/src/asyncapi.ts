import { z } from 'zod';
import { stringify } from 'yaml';
import type { EventCatalog } from './catalog';
import { CHECKPOINT_KEY_DESCRIPTION, checkpointSchema } from './checkpoint';
import type { AnyEventDefinition } from './define-event';
import { eventEnvelopeSchema } from './envelope';
import { byCodeUnits } from './ordering';
import { schemaAtVersion } from './read-payload';
import { SERVICE_NAMES, type ServiceName } from './service-name';
import { checkpointTopicOf } from './topic-name';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

const KAFKA_BINDING_VERSION = '0.5.0';
export const ASYNCAPI_DOCUMENT_PATH = 'docs/asyncapi.yaml';
export const ASYNCAPI_REGENERATE_COMMAND =
  './vl node -r @swc-node/register libs/contracts/src/generate-asyncapi.main.ts';

const DOCUMENT_DESCRIPTION = [
  'Every Kafka topic of the national voting ledger and the events on it, generated from @vl/contracts.',
  '',
  'Message value: the JSON event envelope (eventId, type, schemaVersion, stream position, times, producer,',
  'correlation, partitionKey) wrapping the payload. The value is authoritative: it is what the tamper-evident',
  'log hashes and what an exported log contains. Kafka headers, when present, only copy envelope fields so that',
  'a router need not parse the value; a consumer validates the value, never the headers.',
  'Message key: the envelope partitionKey, so all events of one key (one voter, one election) are read in order.',
  'Topics: <service>.<stream>.v<major>. Events any service may append (dead-letter decisions) travel on the',
  "producing service's own <service>.operations.v1. Checkpoint topics carry signed tree heads, not envelopes.",
  'Readers accept every older schemaVersion of an event and upcast it; producers write only the current one.',
].join('\n');

const ENVELOPE_FIELDS: Readonly<Record<string, string>> = {
  eventId: 'UUID v7 minted by the producing store; consumers are idempotent on it.',
  type: 'The event type, PascalCase past tense; selects the payload contract.',
  schemaVersion: 'Payload schema version the producer wrote; older versions are upcast on read.',
  streamId: 'The aggregate stream in the producing service, e.g. an election or a voter list.',
  streamVersion: 'Position in that stream, from 1, without gaps (optimistic concurrency).',
  occurredAt: 'When the decision was taken, UTC.',
  recordedAt: 'When the store committed it, UTC.',
  producer: 'The service whose log holds the event: the owner, or any service for operations events.',
  correlationId: 'Shared by every event caused, directly or not, by one request.',
  causationId: 'The event or command id that caused this one; null for a direct command.',
  partitionKey: 'The Kafka key, derived from the payload by the contract.',
  payload: 'The payload, validated by the contract of type at schemaVersion.',
};

const HEADERS: JsonObject = {
  type: 'object',
  description: 'Optional copies of envelope fields for routing; the value is authoritative.',
  properties: {
    'event-type': { type: 'string', description: 'Copy of type.' },
    'event-id': { type: 'string', description: 'Copy of eventId.' },
    'schema-version': { type: 'string', description: 'Copy of schemaVersion, in decimal.' },
  },
};

function envelopeJsonSchema(): JsonObject {
  const schema = jsonSchemaOf(eventEnvelopeSchema) as {
    readonly properties: Readonly<Record<string, JsonObject>>;
  };
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, field]) => [
      name,
      { ...field, description: ENVELOPE_FIELDS[name] ?? '' },
    ]),
  );
  return { ...schema, description: 'The metadata every event carries around its payload.', properties };
}

function jsonSchemaOf(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-07',
    unrepresentable: 'any',
  });
  return rest as JsonObject;
}

function sortedObject<T>(entries: readonly (readonly [string, T])[]): Readonly<Record<string, T>> {
  return Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnits(a, b)));
}

const ref = (path: string): JsonObject => ({ $ref: `#/${path}` });

function messageKeyOf(definition: AnyEventDefinition, version: number): string {
  return version === definition.version ? definition.type : `${definition.type}.v${version}`;
}

function payloadSchemaKeyOf(definition: AnyEventDefinition, version: number): string {
  return version === definition.version
    ? `${definition.type}Payload`
    : `${definition.type}Payload.v${version}`;
}

function eventMessage(definition: AnyEventDefinition, version: number): JsonObject {
  const current = version === definition.version;
  const producers =
    definition.owner === 'any' ? 'any service, in its own operations topic' : definition.owner;
  const versions = current
    ? `Schema version ${version}${version > 1 ? `; readers upcast versions 1 to ${version - 1}` : ''}.`
    : `Legacy schema version ${version}: older events still carry it; readers upcast it to version ${definition.version}, producers no longer write it.`;
  return {
    name: definition.type,
    title: current ? definition.type : `${definition.type} (schema v${version})`,
    description: `${definition.description}\n\nProduced by ${producers}. ${versions}`,
    contentType: 'application/json',
    headers: HEADERS,
    payload: {
      allOf: [
        ref('components/schemas/EventEnvelope'),
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            schemaVersion: { const: version },
            partitionKey: { type: 'string', description: definition.partitionKeyDescription },
            payload: ref(`components/schemas/${payloadSchemaKeyOf(definition, version)}`),
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: { type: 'string', description: definition.partitionKeyDescription },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

const versionsOf = (definition: AnyEventDefinition): readonly number[] =>
  Array.from({ length: definition.version }, (_, index) => index + 1);

interface Channel {
  readonly name: string;
  readonly owner: ServiceName;
  readonly description: string;
  readonly messageKeys: readonly string[];
}

function channelsOf(catalog: EventCatalog): readonly Channel[] {
  const eventChannels = catalog.topics().map((topic) => ({
    name: topic.name,
    owner: topic.owner,
    description:
      `The ${topic.stream} stream of ${topic.owner}, in log order (topic major ${topic.major}).` +
      (topic.ownerOnly
        ? ` Read only by ${topic.owner}'s own consumer group: it carries check-in times or device sequences (docs/ballot-secrecy.md).`
        : ''),
    messageKeys: topic.eventTypes.flatMap((type) => {
      const definition = catalog.definition(type);
      return definition === undefined ? [] : versionsOf(definition).map((v) => messageKeyOf(definition, v));
    }),
  }));
  const checkpointChannels = SERVICE_NAMES.map((service) => ({
    name: checkpointTopicOf(service),
    owner: service,
    description: `Signed tree heads of the ${service} log, published at a fixed cadence; verify with its public key.`,
    messageKeys: ['Checkpoint'],
  }));
  return [...eventChannels, ...checkpointChannels].sort((a, b) => byCodeUnits(a.name, b.name));
}

function asyncApiDocument(catalog: EventCatalog): JsonObject {
  const definitions = catalog.definitions();
  const channels = channelsOf(catalog);
  const checkpointMessage: JsonObject = {
    name: 'Checkpoint',
    title: 'Checkpoint',
    description:
      'A signed tree head (origin, treeSize, rootHash) of one service log; the value is not an envelope.',
    contentType: 'application/json',
    payload: ref('components/schemas/Checkpoint'),
    bindings: {
      kafka: {
        key: { type: 'string', description: CHECKPOINT_KEY_DESCRIPTION },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'National voting ledger: event contracts',
      version: '1.0.0',
      description: DOCUMENT_DESCRIPTION,
    },
    defaultContentType: 'application/json',
    channels: sortedObject(
      channels.map((channel) => [
        channel.name,
        {
          address: channel.name,
          title: channel.name,
          description: channel.description,
          messages: sortedObject(channel.messageKeys.map((key) => [key, ref(`components/messages/${key}`)])),
        },
      ]),
    ),
    operations: sortedObject(
      channels.map((channel) => [
        `${channel.name}.send`,
        {
          action: 'send',
          channel: ref(`channels/${channel.name}`),
          summary: `${channel.owner} publishes to ${channel.name}.`,
        },
      ]),
    ),
    components: {
      schemas: sortedObject<Json>([
        ['EventEnvelope', envelopeJsonSchema()],
        ['Checkpoint', jsonSchemaOf(checkpointSchema)],
        ...definitions.flatMap((definition) =>
          versionsOf(definition).map((version): [string, Json] => [
            payloadSchemaKeyOf(definition, version),
            jsonSchemaOf(schemaAtVersion(definition, version) ?? definition.schema),
          ]),
        ),
      ]),
      messages: sortedObject<Json>([
        ['Checkpoint', checkpointMessage],
        ...definitions.flatMap((definition) =>
          versionsOf(definition).map((version): [string, Json] => [
            messageKeyOf(definition, version),
            eventMessage(definition, version),
          ]),
        ),
      ]),
    },
  };
}

/** The AsyncAPI 3.0 document of a catalog as YAML; the same catalog always gives the same bytes. */
export function generateAsyncApi(catalog: EventCatalog): string {
  const header = `# Generated from @vl/contracts; do not edit. Regenerate: ${ASYNCAPI_REGENERATE_COMMAND}\n`;
  return header + stringify(asyncApiDocument(catalog), { aliasDuplicateObjects: false, lineWidth: 0 });
}
