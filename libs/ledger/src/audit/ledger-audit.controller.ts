import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { CurrentPrincipal, type Principal, PublicEndpoint, Roles, Scope, Scoped } from '@vl/auth';
import { envelopeOf, EventStore, LOG_START } from '@vl/event-store';
import { SERVICE_DESCRIPTOR, type ServiceDescriptor } from '@vl/service-kit';
import { exportedLogEntry, exportLine } from '@vl/tamper-evident-log';
import type { Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { LogCheckpointer } from '../checkpoints/log-checkpointer';
import { checkpointKeyHistory } from './checkpoint-key-history';
import { ParticipationReads } from '../participation-reads/participation-reads';
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
    private readonly reads: ParticipationReads,
    @Inject(SERVICE_DESCRIPTOR) private readonly descriptor: ServiceDescriptor,
    @Optional() @Inject(PROJECTION_DIGESTS) private readonly digests: readonly ProjectionDigest[] = [],
  ) {}

  /** The whole log as NDJSON export lines, in log order (participation data: auditors only; the range exported is recorded). */
  @Get('log')
  @Roles('auditor')
  @Scoped(Scope.national())
  async exportLog(@Res() response: Response, @CurrentPrincipal() auditor: Principal): Promise<void> {
    this.logger.info({ auditor: auditor.subject }, 'log export started');
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    let cursor = LOG_START;
    let position = 0;
    try {
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
    } finally {
      // the log holds every check-in: what was sent, even in part, is one recorded read of that range
      await this.reads.record(auditor, 'auditor', 'log-export', {
        range: { kind: 'log-export', fromPosition: 0, events: position },
      });
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
  @PublicEndpoint('the keys that verify this log: anyone may check a checkpoint')
  async publicKeys() {
    // every key that ever signed a checkpoint, with when it did: a checkpoint signed before a key change still verifies
    return {
      service: this.descriptor.name,
      keys: await checkpointKeyHistory(this.dataSource, this.checkpointer.signingKey),
    };
  }

  /** One hash per projection, to compare the live read model with an independent replay. */
  @Get('read-model-digest')
  @Roles('auditor', 'cec-operator')
  @Scoped(Scope.national())
  async readModelDigest() {
    const projections = await Promise.all(
      this.digests.map(async (projection) => ({ name: projection.name, ...(await projection.digest()) })),
    );
    return { service: this.descriptor.name, projections };
  }
}
