import {
  importPublicKey,
  exportPublicKey,
  exportPublicKeyPem,
  type ExportedPublicKey,
} from '@vl/tamper-evident-log';
import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A key that signed this log's checkpoints, and when: from its first checkpoint until the next key's first. */
export interface PublishedCheckpointKey extends ExportedPublicKey {
  readonly pem: string;
  /** the first checkpoint it signed (null: the current key has signed none yet) */
  readonly validFrom: string | null;
  /** when the next key took over (null: the key in use) */
  readonly validUntil: string | null;
}

/** Every key that ever signed a checkpoint of this log, oldest first, and the current one. */
export async function checkpointKeyHistory(
  dataSource: DataSource,
  currentKey: KeyObject,
): Promise<PublishedCheckpointKey[]> {
  const rows = (await dataSource.query(
    `select k.key_id, k.public_key, min(c.signed_at) as first_signed
       from checkpoint_keys k left join checkpoints c using (key_id)
      group by k.key_id, k.public_key
      order by min(c.signed_at) nulls last, k.key_id`,
  )) as { key_id: string; public_key: unknown; first_signed: Date | null }[];
  const current = exportPublicKey(currentKey);
  const history = rows.flatMap((row) => {
    const imported = importPublicKey(row.public_key);
    if (!imported.ok) return [];
    const exported = exportPublicKey(imported.value.publicKey);
    return [{ ...exported, pem: exportPublicKeyPem(imported.value.publicKey), since: row.first_signed }];
  });
  if (!history.some((key) => key.keyId === current.keyId))
    history.push({ ...current, pem: exportPublicKeyPem(currentKey), since: null });
  // the key in use is last, whatever it signed before another key was used
  const ordered = [
    ...history.filter((key) => key.keyId !== current.keyId),
    ...history.filter((key) => key.keyId === current.keyId),
  ];
  return ordered.map(({ since, ...key }, index) => ({
    ...key,
    validFrom: since?.toISOString() ?? null,
    validUntil: key.keyId === current.keyId ? null : (ordered[index + 1]?.since?.toISOString() ?? null),
  }));
}
