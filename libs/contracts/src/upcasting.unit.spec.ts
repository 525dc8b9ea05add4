import { z } from 'zod';
import { EventCatalog } from './catalog';
import { ContractDefinitionError, defineEvent, upcaster } from './define-event';
import { envelopeFor } from './testing/envelope-for';

// A test-only contract whose payload changed twice: v1 had a bare count, v2 added the unit,
// v3 nested both under `quantity`.
const SuppliesCountedV1 = z.strictObject({ precinctId: z.string().min(1), count: z.number().int().min(0) });
const SuppliesCountedV2 = z.strictObject({
  precinctId: z.string().min(1),
  count: z.number().int().min(0),
  unit: z.enum(['box', 'kit']),
});
const SuppliesCountedV3 = z.strictObject({
  precinctId: z.string().min(1),
  quantity: z.strictObject({ count: z.number().int().min(0), unit: z.enum(['box', 'kit']) }),
});

const v1ToV2 = upcaster({
  fromVersion: 1,
  fromSchema: SuppliesCountedV1,
  toSchema: SuppliesCountedV2,
  upcast: (v1) => ({ ...v1, unit: 'box' as const }),
});
const v2ToV3 = upcaster({
  fromVersion: 2,
  fromSchema: SuppliesCountedV2,
  toSchema: SuppliesCountedV3,
  upcast: ({ precinctId, count, unit }) => ({ precinctId, quantity: { count, unit } }),
});

const suppliesCounted = defineEvent({
  type: 'SuppliesCounted',
  owner: 'turnout',
  stream: 'supplies',
  version: 3,
  schema: SuppliesCountedV3,
  partitionKey: (payload) => payload.precinctId,
  partitionKeyDescription: 'precinctId',
  description: 'Test only: a precinct counted its polling supplies.',
  upcasters: [v1ToV2, v2ToV3],
});

const catalog = new EventCatalog([suppliesCounted]);

const envelopeAt = (schemaVersion: number, payload: unknown) =>
  envelopeFor('SuppliesCounted', payload, {
    schemaVersion,
    producer: 'turnout',
    partitionKey: 'precinct-0042',
  });

describe('upcasting old schema versions on read', () => {
  it('given a v1 envelope, when consumed, then the payload is upcast through v2 to the current v3', () => {
    const result = catalog.parseForConsume(envelopeAt(1, { precinctId: 'precinct-0042', count: 12 }));

    expect(result.ok && result.value).toMatchObject({
      schemaVersion: 3,
      payload: { precinctId: 'precinct-0042', quantity: { count: 12, unit: 'box' } },
    });
  });

  it('given a v2 envelope, when consumed, then only the v2→v3 step runs', () => {
    const result = catalog.parseForConsume(
      envelopeAt(2, { precinctId: 'precinct-0042', count: 3, unit: 'kit' }),
    );

    expect(result.ok && result.value.payload).toEqual({
      precinctId: 'precinct-0042',
      quantity: { count: 3, unit: 'kit' },
    });
  });

  it('given a v1 envelope invalid under the v1 schema, when consumed, then the violation names v1', () => {
    const result = catalog.parseForConsume(envelopeAt(1, { precinctId: 'precinct-0042', count: 'twelve' }));

    expect(result.ok || result.error).toMatchObject({
      reason: 'invalid-payload',
      schemaVersion: 1,
      message: 'SuppliesCounted.payload.count: expected a number, got a string (schema v1)',
    });
  });

  it('given a v1 envelope already shaped like v3, when consumed, then it is judged by v1 and rejected', () => {
    const result = catalog.parseForConsume(
      envelopeAt(1, { precinctId: 'precinct-0042', quantity: { count: 12, unit: 'box' } }),
    );

    expect(result.ok || result.error.message).toBe(
      'SuppliesCounted.payload.count: required (schema v1); ' +
        'SuppliesCounted.payload.quantity: unknown field: the contract does not allow it (schema v1)',
    );
  });

  it('given an upcaster that produces an invalid next version, when consumed, then it is an upcast-failed violation', () => {
    const broken = defineEvent({
      ...suppliesCounted,
      upcasters: [upcaster({ ...v1ToV2, upcast: (v1) => ({ ...v1, unit: 'crate' as never }) }), v2ToV3],
    });

    const result = new EventCatalog([broken]).parseForConsume(
      envelopeAt(1, { precinctId: 'precinct-0042', count: 1 }),
    );

    expect(result.ok || result.error).toMatchObject({
      reason: 'upcast-failed',
      message: "SuppliesCounted.payload.unit: expected one of 'box' | 'kit' (after upcasting v1→v2)",
    });
  });

  it('given a producer, when it writes, then it writes the current version only', () => {
    const produced = catalog.parseForProduce('turnout', {
      type: 'SuppliesCounted',
      payload: { precinctId: 'precinct-0042', count: 12 },
    });

    expect(catalog.currentVersion('SuppliesCounted')).toBe(3);
    expect(produced.ok || produced.error.message).toBe(
      'SuppliesCounted.payload.quantity: required; SuppliesCounted.payload.count: unknown field: the contract does not allow it',
    );
  });

  it('given version 3 with one upcaster, when defined, then the missing step is a definition error', () => {
    expect(() => defineEvent({ ...suppliesCounted, upcasters: [v2ToV3] })).toThrow(
      new ContractDefinitionError(
        'SuppliesCounted: version 3 needs 2 upcaster(s), one per older version; got 1; upcaster 0 must start at v1, not v2',
      ),
    );
  });

  it('given upcasters in the wrong order, when defined, then the broken chain is named', () => {
    expect(() => defineEvent({ ...suppliesCounted, upcasters: [v2ToV3, v1ToV2] })).toThrow(
      /upcaster 0 must start at v1/,
    );
  });
});
