import type { KeyObject } from 'node:crypto';
import { envelopeOf, LOG_START, type EventStore, type LogCursor } from '@vl/event-store';
import {
  checkpointKeyId,
  checkpointToJson,
  eventLeafHash,
  exportPublicKey,
  MerkleTreeBuilder,
  signCheckpoint,
  toBase64,
  type Checkpoint,
} from '@vl/tamper-evident-log';
import { ensureTopics } from '@vl/messaging';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

export interface CheckpointerOptions {
  readonly origin: string;
  readonly topic: string;
  readonly signingKey: KeyObject;
  readonly everyEvents: number;
  readonly everySeconds: number;
  readonly pageSize?: number;
}

interface TreeRow {
  tree_size: string;
  tx_id: string;
  position: string;
  frontier: string[];
}

/**
 * Folds the service's log, in log order, into a Merkle tree kept in the database, and signs and
 * publishes a checkpoint every N events or T seconds, whichever comes first (ARCHITECTURE invariant 4).
 */
export class LogCheckpointer {
  private producer: Producer | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private lastSignedAt = Date.now();
  private topicReady = false;
  readonly keyId: string;

  get signingKey(): KeyObject {
    return this.options.signingKey;
  }

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly kafka: Kafka,
    private readonly options: CheckpointerOptions,
    private readonly logger?: Logger,
  ) {
    this.keyId = checkpointKeyId(options.signingKey);
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Extends the tree with what the log has gained; signs a checkpoint when one is due. Returns it if signed. */
  async advance(force = false): Promise<Checkpoint | undefined> {
    const checkpoint = await this.dataSource.transaction(async (tx) => {
      const tree = await this.loadTree(tx);
      let cursor = tree.cursor;
      for (;;) {
        const page = await this.store.readLog(cursor, this.options.pageSize ?? 5000, tx);
        for (const event of page) tree.builder.append(eventLeafHash(envelopeOf(event)));
        cursor = page.at(-1)?.cursor ?? cursor;
        if (page.length < (this.options.pageSize ?? 5000)) break;
      }
      await this.saveTree(tx, tree.builder, cursor);
      const [last] = (await tx.query('select coalesce(max(tree_size), 0)::int as size from checkpoints')) as {
        size: number;
      }[];
      const grown = tree.builder.size - (last?.size ?? 0);
      const due =
        grown >= this.options.everyEvents ||
        Date.now() - this.lastSignedAt >= this.options.everySeconds * 1000;
      if (grown <= 0 || !(due || force)) return undefined;
      const signed = signCheckpoint(
        { origin: this.options.origin, treeSize: tree.builder.size, rootHash: toBase64(tree.builder.root()) },
        this.options.signingKey,
        this.keyId,
      );
      await tx.query(
        'insert into checkpoints (tree_size, origin, root_hash, key_id, signature) values ($1, $2, $3, $4, $5)',
        [signed.treeSize, signed.origin, signed.rootHash, signed.keyId, signed.signature],
      );
      // the first checkpoint a key signs publishes its public half for good
      await tx.query(
        'insert into checkpoint_keys (key_id, public_key) values ($1, $2) on conflict (key_id) do nothing',
        [signed.keyId, JSON.stringify(exportPublicKey(this.options.signingKey))],
      );
      return signed;
    });
    if (checkpoint) this.lastSignedAt = Date.now();
    await this.publishPending();
    return checkpoint;
  }

  /** Checkpoints signed but not yet on the topic (a crash between the two) go out now, in order. */
  private async publishPending(): Promise<void> {
    const pending: {
      tree_size: string;
      origin: string;
      root_hash: string;
      key_id: string;
      signature: string;
      signed_at: Date;
    }[] = await this.dataSource.query(
      'select * from checkpoints where published_at is null order by tree_size',
    );
    if (pending.length === 0) return;
    const producer = await this.connectedProducer();
    if (!this.topicReady) {
      await ensureTopics(this.kafka, [this.options.topic], 1);
      this.topicReady = true;
    }
    await producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: pending.map((row) => ({
        key: row.origin,
        value: JSON.stringify({
          ...checkpointToJson({
            origin: row.origin,
            treeSize: Number(row.tree_size),
            rootHash: row.root_hash,
            keyId: row.key_id,
            signature: row.signature,
          }),
          publishedAt: new Date().toISOString(),
        }),
      })),
    });
    await this.dataSource.query(
      'update checkpoints set published_at = now() where tree_size = any($1::bigint[])',
      [pending.map((row) => row.tree_size)],
    );
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.advance();
      } catch (error) {
        this.logger?.error({ err: error }, 'checkpointer could not advance; it will try again');
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async loadTree(tx: EntityManager): Promise<{ builder: MerkleTreeBuilder; cursor: LogCursor }> {
    const rows: TreeRow[] = await tx.query(
      'select tree_size::text, tx_id::text, position::text, frontier from log_tree for update',
    );
    const row = rows[0];
    if (!row) return { builder: new MerkleTreeBuilder(), cursor: LOG_START };
    const frontier = row.frontier.map((hash) => new Uint8Array(Buffer.from(hash, 'base64')));
    return {
      builder: MerkleTreeBuilder.restore(Number(row.tree_size), frontier),
      cursor: { txId: row.tx_id, position: row.position },
    };
  }

  private async saveTree(tx: EntityManager, builder: MerkleTreeBuilder, cursor: LogCursor): Promise<void> {
    await tx.query(
      `insert into log_tree (singleton, tree_size, tx_id, position, frontier) values (true, $1, $2, $3, $4)
       on conflict (singleton) do update set tree_size = $1, tx_id = $2, position = $3, frontier = $4`,
      [
        builder.size,
        cursor.txId,
        cursor.position,
        JSON.stringify(builder.frontier().map((hash) => toBase64(hash))),
      ],
    );
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
