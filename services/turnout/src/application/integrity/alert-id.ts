import { createHash } from 'node:crypto';

/**
 * The event id of an alert, derived from what the alert is about (election, precinct, signal, occurrence):
 * a redelivery, a second instance or an auditor's replay raises the same alert under the same id, and the
 * event store and every inbox keep it once. Shaped as a UUID v7 (version and variant bits), as envelopes require.
 */
export function alertIdOf(
  electionId: string,
  precinctId: string,
  signal: string,
  occurrence: string,
): string {
  const bytes = createHash('sha256')
    .update(`${electionId}\n${precinctId}\n${signal}\n${occurrence}`)
    .digest();
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
