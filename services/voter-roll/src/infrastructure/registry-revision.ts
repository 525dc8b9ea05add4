import type { EntityManager } from 'typeorm';

/** Marks the registry as changed, in the transaction that changed it; answers the new revision. */
export async function raiseRegistryRevision(tx: Pick<EntityManager, 'query'>): Promise<number> {
  const [row] = (await tx.query(
    'update registry_revision set revision = revision + 1 returning revision::int as revision',
  )) as { revision: number }[];
  return row?.revision ?? 0;
}

export async function currentRegistryRevision(manager: Pick<EntityManager, 'query'>): Promise<number> {
  const [row] = (await manager.query('select revision::int as revision from registry_revision')) as {
    revision: number;
  }[];
  return row?.revision ?? 0;
}
