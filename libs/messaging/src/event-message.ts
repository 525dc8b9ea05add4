import type { EventEnvelope } from '@vl/contracts';
import type { StoredEvent } from '@vl/event-store';
import type { Message } from 'kafkajs';

/** The Kafka record of an event: the envelope as JSON, keyed by its partition key. */
export function encodeEventMessage(event: StoredEvent): Message {
  const { cursor: _cursor, ...envelope } = event;
  return {
    key: event.partitionKey,
    value: JSON.stringify(envelope satisfies EventEnvelope),
    headers: {
      'event-type': event.type,
      'event-id': event.eventId,
      'schema-version': String(event.schemaVersion),
    },
  };
}
