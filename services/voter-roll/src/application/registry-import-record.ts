import type { Actor, RegistryImportedPayload } from '@vl/contracts';
import type { EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import { registryImportStreamId } from '../domain/stream-ids';
import { currentRegistryRevision, raiseRegistryRevision } from '../infrastructure/registry-revision';

export interface RegistryImportRun {
  readonly importId: string;
  readonly file: RegistryImportedPayload['file'];
  readonly importedBy: Actor;
}

/**
 * Records who started an import, with its first change and in that change's transaction. `raisesRevision`:
 * citizens and precincts decide who is on which list, so lists compiled before the change are stale.
 */
export async function recordRegistryImport(
  store: EventStore,
  tx: EntityManager,
  run: RegistryImportRun,
  raisesRevision: boolean,
): Promise<void> {
  const registryRevision = raisesRevision
    ? await raiseRegistryRevision(tx)
    : await currentRegistryRevision(tx);
  const { importId, file, importedBy } = run;
  await store.append(
    [
      {
        // 'no-stream': an import is recorded once, and its own stream says whether it was
        streamId: registryImportStreamId(importId),
        expectedVersion: 'no-stream',
        events: [{ type: 'RegistryImported', payload: { importId, file, registryRevision, importedBy } }],
      },
    ],
    { correlationId: importId },
    tx,
  );
}
