import { eventCatalog, isServiceName } from '@vl/contracts';
import type { EventContracts } from './event-store';

/** The event store checks every new event against the ledger's catalog, and reads every loaded one through it. */
export const catalogContracts: EventContracts = {
  prepare(producer, event) {
    if (!isServiceName(producer))
      return { ok: false, error: `${producer} is not one of the ledger's services` };
    const validated = eventCatalog.parseForProduce(producer, event);
    if (!validated.ok) return { ok: false, error: validated.error.message };
    const { payload, schemaVersion, partitionKey } = validated.value;
    return { ok: true, payload, schemaVersion, partitionKey };
  },
  read(event) {
    const parsed = eventCatalog.parseStored(event);
    return parsed.ok
      ? { ok: true, event: { ...event, ...parsed.value } }
      : { ok: false, error: parsed.error.message };
  },
};
