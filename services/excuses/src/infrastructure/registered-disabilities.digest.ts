import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProjectionDigest, ReadModelDigest } from '@vl/ledger';
import { canonicalJson } from '@vl/tamper-evident-log';
import { DataSource } from 'typeorm';

const PAGE = 10_000;

/**
 * The registered_disabilities projection in one hash (digestRows' form: each row's canonical JSON and a newline),
 * read through a cursor in one snapshot: a large country's registry does not sit in memory whole.
 */
@Injectable()
export class RegisteredDisabilitiesDigest implements ProjectionDigest {
  readonly name = 'registered_disabilities';

  constructor(private readonly dataSource: DataSource) {}

  async digest(): Promise<ReadModelDigest> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `declare disability_rows no scroll cursor for
           select personal_number, registered_disability, event_id
             from registered_disabilities order by personal_number`,
      );
      const hash = createHash('sha256');
      let rows = 0;
      for (;;) {
        const page: unknown[] = await runner.query(`fetch ${PAGE} from disability_rows`);
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
}
