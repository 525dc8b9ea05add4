import { eventCatalog } from '@vl/contracts';
import type { ParseResult } from './inbox-consumer';

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
