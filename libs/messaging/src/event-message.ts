import { envelopeOf, type StoredEvent } from '@vl/event-store';
import type { Message } from 'kafkajs';

/** The Kafka record of an event: the envelope as JSON, keyed by its partition key. */
export function encodeEventMessage(event: StoredEvent): Message {
  return {
    key: event.partitionKey,
    value: JSON.stringify(envelopeOf(event)),
    headers: {
      'event-type': event.type,
      'event-id': event.eventId,
      'schema-version': String(event.schemaVersion),
    },
  };
}
