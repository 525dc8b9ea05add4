import { ephemeralLedgerKey } from '@vl/local-infra';
import {
  checkpointKeyRing,
  importPublicKey,
  parseCheckpointJson,
  verifyExportedNdjson,
  type Checkpoint,
} from '@vl/tamper-evident-log';
import { eventually, startServiceUnderTest, TestClock, TestSchema, type ServiceUnderTest } from '@vl/testing';
import { IncentivesModule } from './app.module';
import { incentives } from './incentives.descriptor';

interface PublishedKey {
  readonly keyId: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

describe("a ledger signing key changed between two checkpoints: the log's auditor verifies both offline", () => {
  const clock = new TestClock('2031-01-10T06:00:00.000Z');
  let schema: TestSchema;
  let service: ServiceUnderTest | undefined;
  const start = (signingKey: string) =>
    startServiceUnderTest({
      descriptor: incentives,
      module: (config) => IncentivesModule.register(config, { clock }),
      defaultRoles: ['cabinet'],
      schema,
      env: { LEDGER_SIGNING_KEY: signingKey, CHECKPOINT_EVERY_SECONDS: '1' },
    });
  const checkpoints = async (running: ServiceUnderTest) =>
    (await running.request('GET', '/ledger/checkpoints')).body as { keyId: string; treeSize: number }[];

  beforeAll(async () => {
    schema = await TestSchema.create('incentives');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('given checkpoints by the old key and then the new, when /ledger/public-keys is read, then both keys are there with their periods and the export verifies', async () => {
    const before = await start(ephemeralLedgerKey());
    // the statutory seed adoption is the log's first event: the old key signs its checkpoint
    const [oldKey] = await eventually(async () => {
      const signed = await checkpoints(before);
      return signed.length > 0 ? signed.map((checkpoint) => checkpoint.keyId) : undefined;
    }, 'a checkpoint by the old key');
    await before.app.close();

    service = await start(ephemeralLedgerKey());
    const adopted = await service.request('POST', '/policies/incentives.benefit-programs', {
      json: {
        effectiveFrom: '2031-03-01',
        adoptedBy: { body: 'cabinet', decision: 'Cabinet resolution 78 of 2031' },
        content: { programs: [] },
      },
    });
    expect(adopted.status).toBe(201);
    const running = service;
    const events = Object.values(await running.eventCounts()).reduce((sum, count) => sum + count, 0);
    const signed = await eventually(async () => {
      const all = await checkpoints(running);
      return all.at(-1)?.treeSize === events && all.at(-1)?.keyId !== oldKey ? all : undefined;
    }, 'a checkpoint by the new key over the whole log');

    const { keys } = (await running.request('GET', '/ledger/public-keys')).body as { keys: PublishedKey[] };
    const newKey = signed.at(-1)?.keyId;
    expect(keys.map((key) => key.keyId)).toEqual([oldKey, newKey]);
    expect(keys[0]?.validUntil).toBe(keys[1]?.validFrom);
    expect(keys[0]?.validFrom).not.toBeNull();
    expect(keys[1]?.validUntil).toBeNull();

    const exported = await fetch(`${running.url}/ledger/log`, {
      headers: { authorization: `Bearer ${await running.token('auditor')}` },
    });
    const verification = await verifyExportedNdjson({
      lines: (await exported.text()).split('\n'),
      checkpoints: signed.map((checkpoint) => {
        const parsed = parseCheckpointJson(checkpoint);
        if (!parsed.ok) throw new Error(String(parsed.error));
        return parsed.value;
      }) satisfies Checkpoint[],
      publicKeys: checkpointKeyRing(
        keys.map((key) => {
          const imported = importPublicKey(key);
          if (!imported.ok) throw new Error(String(imported.error));
          return imported.value.publicKey;
        }),
      ),
    });
    expect(verification).toMatchObject({ ok: true, treeSize: events, checkpointsVerified: signed.length });
    expect(new Set(signed.map((checkpoint) => checkpoint.keyId))).toEqual(new Set([oldKey, newKey]));
  });
});
