import { retryOnConflict as retryDecision } from '@vl/ledger';

// one voter's listing sees few writers at once (its commission, a polling-day inclusion)
const ATTEMPTS = 4;

/**
 * Runs a decide-and-append transaction again when a concurrent writer got there first (the voter's stream
 * moved on, or a unique key, such as a certificate serial, was just taken): the new attempt decides on the
 * newer state, so the loser gets the domain's answer, not an error. The ledger's conflict policy.
 */
export const retryOnConflict = <T>(attempt: () => Promise<T>): Promise<T> =>
  retryDecision(attempt, { attempts: ATTEMPTS, retryOn: ['stream-version-conflict', 'unique-violation'] });
