import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointTopicOf } from '@vl/contracts';
import { ephemeralLedgerKey } from '@vl/local-infra';
import { startService, type RunningService } from '@vl/local-stack';
import {
  checkpointKeyRing,
  importPublicKey,
  parseCheckpointJson,
  verifyCheckpoint,
  verifyExportedNdjson,
  type Checkpoint,
} from '@vl/tamper-evident-log';
import { eventually, freePort, TestSchema, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';
import { startSixServices, type SixServices } from '../support/six-services';

describe('an auditor verifies a service without trusting it', () => {
  let stack: SixServices;
  const auth = async (role: Parameters<SixServices['token']>[0]) => ({
    authorization: `Bearer ${await stack.token(role)}`,
  });

  beforeAll(async () => {
    stack = await startSixServices();
    const operator = await auth('cec-operator');
    for (const year of [2031, 2032, 2033]) {
      const response = await fetch(`${stack.urls['voter-roll']}/elections`, {
        method: 'POST',
        headers: { ...operator, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'presidential',
          title: `Presidential election ${year}`,
          electionDate: `${year}-01-15`,
        }),
      });
      expect(response.status).toBe(201);
    }
  }, 180_000);
  afterAll(() => stack?.stop());

  it('given the exported log, checkpoints and public key, when verified offline, then it passes; one flipped byte is caught at its index', async () => {
    const voterRoll = stack.urls['voter-roll'];
    const checkpoints = await eventually(
      async () => {
        const list = (await (await fetch(`${voterRoll}/ledger/checkpoints`)).json()) as {
          treeSize: number;
        }[];
        return list.some((checkpoint) => checkpoint.treeSize >= 3) ? list : undefined;
      },
      'a checkpoint covering the three elections',
      20_000,
    );
    const { keys } = (await (await fetch(`${voterRoll}/ledger/public-keys`)).json()) as { keys: unknown[] };
    const publicKeys = checkpointKeyRing(keys.map((key) => keyOf(key)));
    const parsed = checkpoints.map((checkpoint) => unwrap(parseCheckpointJson(checkpoint)));

    expect((await fetch(`${voterRoll}/ledger/log`, { headers: await auth('cec-operator') })).status).toBe(
      403,
    );
    const exported = await (
      await fetch(`${voterRoll}/ledger/log`, { headers: await auth('auditor') })
    ).text();
    const lines = exported.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);

    const verified = await verifyExportedNdjson({ lines, checkpoints: parsed, publicKeys });
    expect(verified).toMatchObject({ ok: true, treeSize: lines.length });

    const tampered = [...lines];
    tampered[1] = (tampered[1] as string).replace('Presidential election 2032', 'Presidential election 2039');
    const caught = await verifyExportedNdjson({ lines: tampered, checkpoints: parsed, publicKeys });
    expect(caught).toMatchObject({ ok: false, firstBadIndex: 1 });
  });

  it('given the checkpoint topic, when read by anyone, then every checkpoint verifies with the published key', async () => {
    const { keys } = (await (await fetch(`${stack.urls['voter-roll']}/ledger/public-keys`)).json()) as {
      keys: unknown[];
    };
    const publicKeys = checkpointKeyRing(keys.map((key) => keyOf(key)));
    const fromKafka = await firstCheckpointOnTopic(publicKeys);
    expect(verifyCheckpoint(fromKafka, publicKeys)).toEqual({ ok: true });
    expect(fromKafka.origin).toBe('voting-ledger/voter-roll');
  });

  it('given an independent replay of turnout from the topics, when both digest their read model, then the digests are equal', async () => {
    const auditor = await auth('auditor');
    const digestOf = async (url: string) =>
      (
        (await (await fetch(`${url}/ledger/read-model-digest`, { headers: auditor })).json()) as {
          projections: { name: string; rows: number; sha256: string }[];
        }
      ).projections;
    const live = await eventually(
      async () => {
        const projections = await digestOf(stack.urls.turnout);
        return (elections(projections)?.rows ?? 0) >= 3 ? projections : undefined;
      },
      'turnout holding the three elections',
      30_000,
    );

    const schema = await TestSchema.create('turnout_replay');
    let replay: RunningService | undefined;
    try {
      replay = await startService(
        'turnout',
        {
          PORT: String(await freePort()),
          DATABASE_URL: testDatabaseUrl(),
          DATABASE_SCHEMA: schema.name,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_CONSUMER_GROUP: `turnout-replay-${Date.now()}`,
          AUTH_JWKS: stack.jwks,
          LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
          LOG_LEVEL: 'warn',
        },
        mkdtempSync(join(tmpdir(), 'vl-replay-')),
      );
      const url = replay.url;
      // the replay has caught up when every projection's digest equals the live one's
      const replayed = await eventually(
        async () => {
          const [mine, theirs] = await Promise.all([digestOf(url), digestOf(stack.urls.turnout)]);
          return mine.length > 0 && JSON.stringify(mine) === JSON.stringify(theirs) ? mine : undefined;
        },
        'the replay reaching the live digests',
        // the replay reads every topic from its start, with all that the run's other suites published there
        120_000,
      );
      expect(elections(replayed)?.rows).toBeGreaterThanOrEqual(elections(live)?.rows ?? 3);
    } finally {
      await replay?.stop();
      await schema.drop();
    }
  }, 240_000);
});

const elections = (projections: readonly { name: string; rows: number }[]) =>
  projections.find((projection) => projection.name === 'scheduled_elections');

function keyOf(exported: unknown) {
  const imported = importPublicKey(exported);
  if (!imported.ok) throw new Error(String(imported.error));
  return imported.value.publicKey;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(String(result.error));
  return result.value;
}

// other stacks of the same test run publish on this topic under their own keys: take this stack's first one
async function firstCheckpointOnTopic(ours: ReadonlyMap<string, unknown>): Promise<Checkpoint> {
  const kafka = new Kafka({ clientId: 'auditor', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `auditor-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: checkpointTopicOf('voter-roll'), fromBeginning: true });
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no checkpoint on the topic')), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const parsed = parseCheckpointJson(JSON.parse(message.value?.toString() ?? 'null'));
          if (parsed.ok && ours.has(parsed.value.keyId)) {
            clearTimeout(timer);
            resolve(parsed.value);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
