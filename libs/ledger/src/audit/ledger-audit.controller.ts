import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { CurrentPrincipal, PublicEndpoint, Roles, type Principal } from '@vl/auth';
import { envelopeOf, EventStore, LOG_START } from '@vl/event-store';
import { SERVICE_DESCRIPTOR, type ServiceDescriptor } from '@vl/service-kit';
import { exportedLogEntry, exportLine, exportPublicKey, exportPublicKeyPem } from '@vl/tamper-evident-log';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { LogCheckpointer } from '../checkpoints/log-checkpointer';
import { PROJECTION_DIGESTS, type ProjectionDigest } from './projection-digest';

const PAGE = 5000;

/** What an auditor needs to verify this service without trusting it: the log, the checkpoints, the key. */
@Controller('ledger')
export class LedgerAuditController {
  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly checkpointer: LogCheckpointer,
    private readonly logger: PinoLogger,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
    @Optional() @Inject(PROJECTION_DIGESTS) private readonly digests: readonly ProjectionDigest[] = [],
  ) {}

  /** The whole log as NDJSON export lines, in log order (participation data: auditors only, and logged). */
  @Get('log')
  @Roles('auditor')
  async exportLog(@Res() response: Response, @CurrentPrincipal() auditor: Principal): Promise<void> {
    this.logger.info({ auditor: auditor.subject }, 'log export started');
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    let cursor = LOG_START;
    let position = 0;
    for (;;) {
      const page = await this.store.readLog(cursor, PAGE);
      for (const event of page) {
        if (!response.write(`${exportLine(exportedLogEntry(position++, envelopeOf(event)))}\n`)) {
          await new Promise((resolve) => response.once('drain', resolve));
        }
      }
      cursor = page.at(-1)?.cursor ?? cursor;
      if (page.length < PAGE) break;
    }
    response.end();
    this.logger.info({ auditor: auditor.subject, events: position }, 'log export finished');
  }

  @Get('checkpoints')
  @PublicEndpoint('signed tree heads, also published on Kafka; no personal data')
  async checkpoints() {
    const rows: {
      origin: string;
      tree_size: string;
      root_hash: string;
      key_id: string;
      signature: string;
      signed_at: Date;
    }[] = await this.dataSource.query(
      'select origin, tree_size::text, root_hash, key_id, signature, signed_at from checkpoints order by tree_size',
    );
    return rows.map((row) => ({
      origin: row.origin,
      treeSize: Number(row.tree_size),
      rootHash: row.root_hash,
      keyId: row.key_id,
      signature: row.signature,
      signedAt: row.signed_at.toISOString(),
    }));
  }

  @Get('public-keys')
  @PublicEndpoint('the key that verifies this log: anyone may check a checkpoint')
  publicKeys() {
    const key = this.checkpointer.signingKey;
    return {
      service: this.descriptor.name,
      keys: [{ ...exportPublicKey(key), pem: exportPublicKeyPem(key) }],
    };
  }

  /** One hash per projection, to compare the live read model with an independent replay. */
  @Get('read-model-digest')
  @Roles('auditor', 'cec-operator')
  async readModelDigest() {
    const projections = await Promise.all(
      this.digests.map(async (projection) => ({ name: projection.name, ...(await projection.digest()) })),
    );
    return { service: this.descriptor.name, projections };
  }
}
