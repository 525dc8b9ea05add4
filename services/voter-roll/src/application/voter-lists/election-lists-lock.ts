import type { DataSource } from 'typeorm';

export interface ListsBusy {
  readonly code: 'lists-busy';
  readonly message: string;
}

/**
 * Runs `work` while holding the election's voter-list lock on a session of its own: a compilation and a
 * finalization of one election never run at once, and the lock goes when the session does.
 */
export async function withElectionListsLock<T>(
  dataSource: DataSource,
  electionId: string,
  work: () => Promise<T>,
): Promise<T | { readonly ok: false; readonly error: ListsBusy }> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    const [{ locked }] = (await session.query(
      "select pg_try_advisory_lock(hashtext('voter-lists:' || $1)) as locked",
      [electionId],
    )) as [{ locked: boolean }];
    if (!locked) {
      return {
        ok: false,
        error: {
          code: 'lists-busy',
          message: `the voter lists of election ${electionId} are being compiled or finalized right now: try again when that is done`,
        },
      };
    }
    try {
      return await work();
    } finally {
      await session.query("select pg_advisory_unlock(hashtext('voter-lists:' || $1))", [electionId]);
    }
  } finally {
    await session.release();
  }
}
