import { classifyDatabaseError, EventIdReused, StreamVersionConflict } from '@vl/event-store';

/** A failure that means another writer got there first: deciding again on the newer state resolves it. */
export type ConflictKind =
  'stream-version-conflict' | 'serialization-failure' | 'deadlock' | 'unique-violation';

export interface RetryOnConflictOptions {
  /** attempts in all, the first included (default DEFAULT_CONFLICT_ATTEMPTS) */
  readonly attempts?: number;
  /** the conflicts worth another attempt (default: all of them) */
  readonly retryOn?: ReadonlyArray<ConflictKind>;
}

/** Every retry means a concurrent writer committed first, so a few attempts settle ordinary contention. */
export const DEFAULT_CONFLICT_ATTEMPTS = 5;

const ALL_CONFLICTS: readonly ConflictKind[] = [
  'stream-version-conflict',
  'serialization-failure',
  'deadlock',
  'unique-violation',
];

// the longest pause between attempts: long enough to let a competing transaction commit, short next to a request
const MAX_BACKOFF_MS = 25;

/**
 * Runs `work` (a whole load-decide-append, in its own transaction) again when it lost a race to a concurrent
 * writer, after a short random pause so that the racers do not meet again; any other failure, or the last
 * attempt's, is thrown as it is.
 */
export async function retryOnConflict<T>(
  work: (attempt: number) => Promise<T>,
  options: RetryOnConflictOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_CONFLICT_ATTEMPTS;
  const retryOn = options.retryOn ?? ALL_CONFLICTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      const kind = conflictKindOf(error);
      if (kind === undefined || !retryOn.includes(kind) || attempt >= attempts) throw error;
    }
    await pause(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** (attempt - 1)));
  }
}

/** Which race an error reports, or undefined when it is not one. */
export function conflictKindOf(error: unknown): ConflictKind | undefined {
  // some of an append's ids stored by another writer a moment ago: its stream moved on, as with a version
  if (error instanceof StreamVersionConflict || error instanceof EventIdReused)
    return 'stream-version-conflict';
  const kind = classifyDatabaseError(error);
  return kind === 'other' ? undefined : kind;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
