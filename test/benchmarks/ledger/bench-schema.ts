import { TestSchema } from '@vl/testing';
import type { DataSource } from 'typeorm';
import { sleep } from '../support/sleep';
import { onCleanup } from './cleanup';

export interface Schema {
  readonly schema: TestSchema;
  readonly dataSource: DataSource;
  readonly drop: () => Promise<void>;
}

/** After Ctrl-C a statement may still be running in the schema: a drop can then lose a deadlock once. */
async function retried(action: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(500 * attempt);
    }
  }
}

/** A new schema with the given migrations run, dropped at the end (or on Ctrl-C) unless dropped before. */
export async function freshSchema(prefix: string, migrations: (new () => unknown)[]): Promise<Schema> {
  const schema = await TestSchema.create(prefix);
  const dropSchema = onCleanup(`schema ${schema.name}`, () => retried(() => schema.drop()));
  const dataSource = await schema.dataSource(migrations as never, 10);
  const destroy = onCleanup(`data source ${schema.name}`, () => dataSource.destroy());
  return {
    schema,
    dataSource,
    drop: async () => {
      await destroy();
      await dropSchema();
    },
  };
}

export async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const [row] = (await dataSource.query(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return row?.n ?? 0;
}
