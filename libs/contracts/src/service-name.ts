/** The six services of the ledger; each owns its events and its topics. */
export const SERVICE_NAMES = [
  'voter-roll',
  'turnout',
  'excuses',
  'sanctions',
  'lottery',
  'incentives',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Who may append an event: its owning service, or 'any' service for ledger-operational events in its own log. */
export type EventOwner = ServiceName | 'any';

export function isServiceName(candidate: unknown): candidate is ServiceName {
  return typeof candidate === 'string' && (SERVICE_NAMES as readonly string[]).includes(candidate);
}
