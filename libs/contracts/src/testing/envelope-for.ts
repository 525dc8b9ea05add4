import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../envelope';

/** A well-formed envelope around `payload`, as a relay would publish it; tests override single fields. */
export function envelopeFor(
  type: string,
  payload: unknown,
  overrides: Partial<Record<keyof EventEnvelope, unknown>> = {},
): Record<string, unknown> {
  return {
    eventId: uuidv7(),
    type,
    schemaVersion: 1,
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
