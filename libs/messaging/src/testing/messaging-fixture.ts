import { topicName } from '@vl/contracts';
import { catalogContracts, EventStore, EventStoreTables1763860000000 } from '@vl/event-store';
import { TestSchema, testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { MessagingTables1763860000001 } from '../messaging-tables.migration';

export const ELECTIONS_TOPIC = topicName('voter-roll', 'elections', 1);

export { electionCalledPayload } from '@vl/contracts/testing';

/** A service's schema on the test database with the ledger's tables and an `effects` table to count. */
export async function serviceSchema(prefix: string, producer: 'voter-roll' | 'turnout') {
  const schema = await TestSchema.create(prefix);
  const dataSource: DataSource = await schema.dataSource([
    EventStoreTables1763860000000,
    MessagingTables1763860000001,
  ]);
  // no unique constraint on purpose: only the inbox may keep an effect from happening twice
  await dataSource.query('create table effects (event_id uuid not null, election_id uuid not null)');
  const store = new EventStore(dataSource, producer, catalogContracts);
  return {
    schema,
    dataSource,
    store,
    close: async () => {
      await dataSource.destroy();
      await schema.drop();
    },
  };
}

export const testKafka = (clientId: string) =>
  new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });

export async function countEffects(
  dataSource: DataSource,
  electionIds: readonly string[],
): Promise<{ total: number; distinct: number }> {
  const [row] = (await dataSource.query(
    'select count(*)::int as total, count(distinct event_id)::int as distinct from effects where election_id = any($1::uuid[])',
    [electionIds],
  )) as { total: number; distinct: number }[];
  return row ?? { total: 0, distinct: 0 };
}
