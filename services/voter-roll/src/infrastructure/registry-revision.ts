import type { EntityManager } from 'typeorm';

/** Marks the registry as changed, in the transaction that changed it. */
export async function raiseRegistryRevision(tx: EntityManager): Promise<void> {
  await tx.query('update registry_revision set revision = revision + 1');
}

export async function currentRegistryRevision(manager: Pick<EntityManager, 'query'>): Promise<number> {
  const [row] = (await manager.query('select revision::int as revision from registry_revision')) as {
    revision: number;
  }[];
  return row?.revision ?? 0;
}
