import { createHash } from 'node:crypto';

/**
 * A UUID v7 derived from a name, so that every instance and every retry names the same adoption with the same
 * event id (the store is idempotent by event id). The time bits carry hash bits, not a time.
 */
export function adoptionIdOf(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The seed adoption of a kind: one id per kind, so two instances starting at once adopt it once. */
export const seedAdoptionIdOf = (kind: string): string => adoptionIdOf(`policy-seed/${kind}`);

/** An adoption without a client-supplied id: one act (body and number) adopts one policy of a kind. */
export const decisionAdoptionIdOf = (kind: string, body: string, decision: string): string =>
  adoptionIdOf(`policy-adoption/${kind}/${body}/${decision.trim()}`);
