import { createHash } from 'node:crypto';
import type { ReadModelDigest } from './projection-digest';
import { canonicalJson } from '@vl/tamper-evident-log';
import type { DataSource } from 'typeorm';

const PAGE = 10_000;

/**
 * The same digest as the ledger's digestRows (SHA-256 over each row's canonical JSON and a newline), read
 * through a cursor in one snapshot: the electoral roll has millions of rows and never sits in memory whole.
 */
export async function digestByCursor(dataSource: DataSource, orderedQuery: string): Promise<ReadModelDigest> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`declare digest_rows no scroll cursor for ${orderedQuery}`);
    const hash = createHash('sha256');
    let rows = 0;
    for (;;) {
      const page: unknown[] = await runner.query(`fetch ${PAGE} from digest_rows`);
      for (const row of page) hash.update(canonicalJson(row)).update('\n');
      rows += page.length;
      if (page.length < PAGE) break;
    }
    await runner.commitTransaction();
    return { rows, sha256: hash.digest('hex') };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
