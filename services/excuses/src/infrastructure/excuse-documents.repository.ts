import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface ExcuseDocumentFile {
  readonly absenceId: string;
  readonly caseId: string;
  readonly sha256: string;
  readonly contentType: string;
  readonly size: number;
  /** null once deleted after the retention period */
  readonly bytes: Buffer | null;
  readonly uploadedAt: string;
  readonly deletedAt: string | null;
}

/** The files of a case's documents in excuses' own schema: never in the event store, never on Kafka. */
@Injectable()
export class ExcuseDocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The same file uploaded again (its hash names it) keeps the first upload. */
  async store(
    tx: EntityManager,
    file: { absenceId: string; caseId: string; sha256: string; contentType: string; bytes: Buffer; at: Date },
  ): Promise<void> {
    await tx.query(
      `insert into excuse_documents (case_id, sha256, absence_id, content_type, size, bytes, uploaded_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (case_id, sha256) do nothing`,
      [file.caseId, file.sha256, file.absenceId, file.contentType, file.bytes.length, file.bytes, file.at],
    );
  }

  async find(caseId: string, sha256: string): Promise<ExcuseDocumentFile | undefined> {
    const [row] = (await this.dataSource.query(
      `select absence_id, content_type, size, bytes, uploaded_at, deleted_at from excuse_documents
        where case_id = $1 and sha256 = $2`,
      [caseId, sha256],
    )) as {
      absence_id: string;
      content_type: string;
      size: number;
      bytes: Buffer | null;
      uploaded_at: Date;
      deleted_at: Date | null;
    }[];
    if (!row) return undefined;
    return {
      absenceId: row.absence_id,
      caseId,
      sha256,
      contentType: row.content_type,
      size: row.size,
      bytes: row.bytes,
      uploadedAt: row.uploaded_at.toISOString(),
      deletedAt: row.deleted_at?.toISOString() ?? null,
    };
  }

  /** Deletes the bytes of a case's files, keeping that they existed and when they were deleted; how many. */
  async deleteBytes(tx: EntityManager, caseId: string, at: Date): Promise<number> {
    const rows: unknown[] = await tx.query(
      `update excuse_documents set bytes = null, deleted_at = $2
        where case_id = $1 and deleted_at is null returning sha256`,
      [caseId, at],
    );
    // typeorm answers an update with [rows, count]
    const [returned] = rows as [unknown[], number];
    return returned.length;
  }
}
