import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../envelope';
import { eventCatalog } from '../event-catalog';

/**
 * A well-formed envelope around `payload`, as a relay would publish it: at the type's current schema version (1 for a
 * type the catalog does not know); tests override single fields.
 */
export function envelopeFor(
  type: string,
  payload: unknown,
  overrides: Partial<Record<keyof EventEnvelope, unknown>> = {},
): Record<string, unknown> {
  return {
    eventId: uuidv7(),
    type,
    schemaVersion: eventCatalog.definition(type)?.version ?? 1,
    streamId: 'election-2025-11-30',
    streamVersion: 1,
    occurredAt: '2025-10-01T04:00:00.000Z',
    recordedAt: '2025-10-01T04:00:00.012Z',
    producer: 'voter-roll',
    correlationId: uuidv7(),
    causationId: null,
    partitionKey: 'set-me',
    payload,
    ...overrides,
  };
}
