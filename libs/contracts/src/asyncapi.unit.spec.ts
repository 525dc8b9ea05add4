import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ASYNCAPI_DOCUMENT_PATH, ASYNCAPI_REGENERATE_COMMAND, generateAsyncApi } from './asyncapi';
import { EventCatalog } from './catalog';
import { defineEvent, upcaster } from './define-event';
import { eventCatalog } from './event-catalog';
import { SERVICE_NAMES } from './service-name';

type Node = { readonly [key: string]: unknown };

function at(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, segment) => (node as Node | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')],
      document,
    );
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : refsIn(value)));
}

describe('AsyncAPI document', () => {
  it('given the checked-in docs/asyncapi.yaml, when compared with the catalog, then it is up to date', () => {
    const path = join(__dirname, '..', '..', '..', ASYNCAPI_DOCUMENT_PATH);
    const checkedIn = existsSync(path) ? readFileSync(path, 'utf8') : '';

    const generated = generateAsyncApi(eventCatalog);

    if (checkedIn !== generated) {
      throw new Error(
        `${ASYNCAPI_DOCUMENT_PATH} is stale: the event contracts changed. Regenerate it with\n  ${ASYNCAPI_REGENERATE_COMMAND}\nand commit the result.`,
      );
    }
  });

  it('given the same catalog twice, or its definitions in another order, when generated, then the bytes are identical', () => {
    const reordered = new EventCatalog([...eventCatalog.definitions()].reverse());

    expect(generateAsyncApi(eventCatalog)).toBe(generateAsyncApi(eventCatalog));
    expect(generateAsyncApi(reordered)).toBe(generateAsyncApi(eventCatalog));
  });

  it('given the ledger catalog, when generated, then it is AsyncAPI 3.0 with one channel per topic, checkpoints included', () => {
    const document = parse(generateAsyncApi(eventCatalog)) as Node;

    expect(document.asyncapi).toBe('3.0.0');
    const channels = Object.keys(document.channels as Node);
    const expected = [
      ...eventCatalog.topics().map((topic) => topic.name),
      ...SERVICE_NAMES.map((service) => `${service}.checkpoints.v1`),
    ].sort();
    expect(channels).toEqual(expected);
    expect(at(document, '#/channels/voter-roll.elections.v1/address')).toBe('voter-roll.elections.v1');
  });

  it('given ElectionCalled, when generated, then its message wraps the payload in the envelope and binds the Kafka key', () => {
    const document = parse(generateAsyncApi(eventCatalog)) as Node;

    expect(at(document, '#/components/messages/ElectionCalled/bindings/kafka/key')).toEqual({
      type: 'string',
      description: 'electionId: every event of one election is read in order',
    });
    expect(at(document, '#/components/messages/ElectionCalled/payload/allOf/1/properties/payload')).toEqual({
      $ref: '#/components/schemas/ElectionCalledPayload',
    });
    expect(at(document, '#/components/schemas/ElectionCalledPayload/required')).toContain('electionDate');
    expect(at(document, '#/components/schemas/Checkpoint/required')).toEqual([
      'origin',
      'treeSize',
      'rootHash',
      'keyId',
      'signature',
      'publishedAt',
    ]);
  });

  it('given the generated document, when every $ref is followed, then each one resolves', () => {
    const document = parse(generateAsyncApi(eventCatalog)) as Node;

    const dangling = refsIn(document).filter((ref) => at(document, ref) === undefined);

    expect(dangling).toEqual([]);
  });

  it('given an event with older schema versions, when generated, then each version is a message on its topic', () => {
    const V1 = z.strictObject({ precinctId: z.string() });
    const V2 = z.strictObject({ precinctId: z.string(), kits: z.number().int() });
    const catalog = new EventCatalog([
      defineEvent({
        type: 'KitsCounted',
        owner: 'turnout',
        stream: 'supplies',
        version: 2,
        schema: V2,
        partitionKey: (payload) => payload.precinctId,
        partitionKeyDescription: 'precinctId',
        description: 'Test only.',
        upcasters: [
          upcaster({ fromVersion: 1, fromSchema: V1, toSchema: V2, upcast: (v1) => ({ ...v1, kits: 0 }) }),
        ],
      }),
    ]);

    const document = parse(generateAsyncApi(catalog)) as Node;

    expect(Object.keys(at(document, '#/channels/turnout.supplies.v1/messages') as Node)).toEqual([
      'KitsCounted',
      'KitsCounted.v1',
    ]);
    expect(
      at(document, '#/components/messages/KitsCounted.v1/payload/allOf/1/properties/schemaVersion'),
    ).toEqual({ const: 1 });
    expect(refsIn(document).filter((ref) => at(document, ref) === undefined)).toEqual([]);
  });
});
