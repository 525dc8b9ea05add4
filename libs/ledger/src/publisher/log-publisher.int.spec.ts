import { generateKeyPairSync } from 'node:crypto';
import { electionCalledPayload } from '@vl/contracts/testing';
import { catalogContracts, EventStore } from '@vl/event-store';
import { TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';
import type { DataSource } from 'typeorm';
import { LEDGER_MIGRATIONS } from '../ledger-migrations';
import type { LogPublisherSettings } from './log-publisher.settings';
import { LogPublisherThread } from './log-publisher.thread';

describe('the log publisher thread: relay and checkpointer beside the service, on their own event loop', () => {
  let schema: TestSchema;
  let dataSource: DataSource;
  let store: EventStore;
  let settings: LogPublisherSettings;

  beforeAll(async () => {
    schema = await TestSchema.create('log_publisher');
    dataSource = await schema.dataSource(LEDGER_MIGRATIONS, 2);
    store = new EventStore(dataSource, 'voter-roll', catalogContracts);
    settings = {
      service: 'voter-roll',
      databaseUrl: testDatabaseUrl(),
      databaseSchema: schema.name,
      kafkaBrokers: testKafkaBrokers(),
      logLevel: 'warn',
      ledgerOrigin: `voting-ledger/voter-roll/${schema.name}`,
      ledgerSigningKey: generateKeyPairSync('ed25519')
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      checkpointEveryEvents: 10,
      checkpointEverySeconds: 1,
    };
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await schema?.drop();
  });

  const appendElections = (count: number) =>
    store.append(
      Array.from({ length: count }, () => {
        const payload = electionCalledPayload();
        return {
          streamId: `election-${payload.electionId}`,
          expectedVersion: 'no-stream' as const,
          events: [{ type: 'ElectionCalled', payload }],
        };
      }),
    );

  async function progress(): Promise<{ published: number; folded: number; signed: number }> {
    const [row] = (await dataSource.query(
      `select coalesce((select published from relay_positions where relay = 'kafka'), 0)::int as published,
              coalesce((select tree_size from log_tree), 0)::int as folded,
              coalesce((select max(tree_size) from checkpoints), 0)::int as signed`,
    )) as { published: number; folded: number; signed: number }[];
    return row ?? { published: 0, folded: 0, signed: 0 };
  }

  async function until(reached: (now: { published: number; folded: number; signed: number }) => boolean) {
    for (let tries = 0; tries < 300; tries++) {
      const now = await progress();
      if (reached(now)) return now;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return progress();
  }

  it('given events appended while it runs, then the thread publishes them to Kafka, folds them and signs a checkpoint', async () => {
    const publisher = new LogPublisherThread(settings);
    await publisher.start();
    try {
      await appendElections(25);
      const reached = await until((now) => now.published >= 25 && now.folded >= 25 && now.signed >= 25);
      expect(reached).toEqual({ published: 25, folded: 25, signed: 25 });
    } finally {
      await publisher.stop();
    }
  });

  it('given the thread stopped, when events are appended and it starts again, then it resumes where it stopped: each event published once', async () => {
    const before = await progress();
    await appendElections(30);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await progress()).published).toBe(before.published);

    const publisher = new LogPublisherThread(settings);
    await publisher.start();
    try {
      const reached = await until((now) => now.published >= before.published + 30);
      expect(reached.published).toBe(before.published + 30);
      expect((await until((now) => now.folded >= before.folded + 30)).folded).toBe(before.folded + 30);
    } finally {
      await publisher.stop();
    }
  });

  it('given a database the thread cannot reach, when started, then start fails with the cause and stop still ends it', async () => {
    const publisher = new LogPublisherThread({
      ...settings,
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
    });
    await expect(publisher.start()).rejects.toThrow('ECONNREFUSED');
    await publisher.stop();
  });
});
