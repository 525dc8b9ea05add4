import { eventCatalog, type ServiceName } from '@vl/contracts';
import type { ProducerContracts } from '@vl/event-store';
import type { ParseResult } from '@vl/messaging';

/** The event store checks every new event against the catalog before appending it. */
export const catalogContracts: ProducerContracts = {
  prepare(producer, event) {
    const validated = eventCatalog.parseForProduce(producer as ServiceName, event);
    if (!validated.ok) return { ok: false, error: validated.error.message };
    const { payload, schemaVersion, partitionKey } = validated.value;
    return { ok: true, payload, schemaVersion, partitionKey };
  },
};

/** A consumer parses every Kafka message against the catalog; a violation is parked, not dropped. */
export function parseEventMessage(value: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, error: 'the message is not JSON' };
  }
  const parsed = eventCatalog.parseForConsume(json);
  return parsed.ok ? { ok: true, event: parsed.value } : { ok: false, error: parsed.error.message };
}
