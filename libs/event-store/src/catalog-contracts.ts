import { eventCatalog, isServiceName } from '@vl/contracts';
import type { ProducerContracts } from './event-store';

/** The event store checks every new event against the ledger's catalog before appending it. */
export const catalogContracts: ProducerContracts = {
  prepare(producer, event) {
    if (!isServiceName(producer))
      return { ok: false, error: `${producer} is not one of the ledger's services` };
    const validated = eventCatalog.parseForProduce(producer, event);
    if (!validated.ok) return { ok: false, error: validated.error.message };
    const { payload, schemaVersion, partitionKey } = validated.value;
    return { ok: true, payload, schemaVersion, partitionKey };
  },
};
