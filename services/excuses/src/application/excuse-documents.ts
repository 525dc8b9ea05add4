import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AbsenceOnRecord } from '../infrastructure/absences-on-record';
import {
  ExcuseDocumentsRepository,
  type ExcuseDocumentFile,
} from '../infrastructure/excuse-documents.repository';
import { DocumentRetention } from './document-retention';
import { ExcuseCases } from './excuse-cases';

export type UploadRefusal =
  | { readonly code: 'unknown-case'; readonly message: string }
  | { readonly code: 'sha256-mismatch'; readonly message: string }
  | { readonly code: 'document-not-described'; readonly message: string }
  | { readonly code: 'retention-over'; readonly message: string };

/** Records the participation read of an upload, in the upload's transaction. */
export type RecordRead = (tx: EntityManager) => Promise<void>;

/**
 * The files of the documents a case describes: kept in excuses' own table, checked against the SHA-256 its filing
 * names; an upload commits with its participation read.
 */
@Injectable()
export class ExcuseDocuments {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ExcuseCases) private readonly cases: ExcuseCases,
    @Inject(ExcuseDocumentsRepository) private readonly files: ExcuseDocumentsRepository,
    @Inject(DocumentRetention) private readonly retention: DocumentRetention,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async upload(
    absence: AbsenceOnRecord,
    caseId: string,
    sha256: string,
    file: { readonly contentType: string; readonly bytes: Buffer },
    recordRead: RecordRead,
  ): Promise<{ ok: true } | { ok: false; error: UploadRefusal }> {
    const stream = await this.cases.streamOf(absence);
    const filing = stream.find((event) => event.type === 'ExcuseFiled' && event.payload.caseId === caseId);
    if (filing?.type !== 'ExcuseFiled')
      return {
        ok: false,
        error: { code: 'unknown-case', message: `no case ${caseId} was filed for this absence` },
      };
    // a file arriving after the deletion would otherwise be kept for good: the deadline has fired already
    const over = this.retention.retentionOver(stream, caseId);
    if (over)
      return {
        ok: false,
        error: {
          code: 'retention-over',
          message: `the files of case ${caseId} were kept until ${over.endedAt.toISOString()}, ${over.days} days after its final decision: none is kept after that`,
        },
      };
    const actual = createHash('sha256').update(file.bytes).digest('hex');
    if (actual !== sha256)
      return {
        ok: false,
        error: {
          code: 'sha256-mismatch',
          message: `the file's SHA-256 is ${actual}, not ${sha256} as the path names`,
        },
      };
    if (!filing.payload.documents.some((document) => document.sha256 === sha256))
      return {
        ok: false,
        error: {
          code: 'document-not-described',
          message: `case ${caseId} was filed describing no document with SHA-256 ${sha256}: only described documents are kept`,
        },
      };
    await this.dataSource.transaction(async (tx) => {
      await this.files.store(tx, {
        ...file,
        absenceId: absence.absenceId,
        caseId,
        sha256,
        at: this.clock.now(),
      });
      await recordRead(tx);
    });
    return { ok: true };
  }

  /** The file of the absence's case; undefined when none was uploaded. */
  async read(
    absence: AbsenceOnRecord,
    caseId: string,
    sha256: string,
  ): Promise<ExcuseDocumentFile | undefined> {
    const file = await this.files.find(caseId, sha256);
    return file?.absenceId === absence.absenceId ? file : undefined;
  }
}
