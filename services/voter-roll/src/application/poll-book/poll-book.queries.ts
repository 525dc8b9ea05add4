import { Injectable } from '@nestjs/common';
import type { Principal } from '@vl/auth';
import { DataSource } from 'typeorm';
import { AccessLogRepository } from '../../infrastructure/access-log.repository';
import { PollBookRepository, type PollBookEntry } from '../../infrastructure/poll-book.repository';

export interface PollBookPage {
  readonly voters: readonly PollBookEntry[];
  /** pass as `after` for the next page; null on the last page */
  readonly next: string | null;
}

/**
 * Poll-book reads. Each person read (found or not: the question alone says something about the person) is
 * written to the access log in the same transaction, so no data leaves unrecorded.
 */
@Injectable()
export class PollBookQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pollBook: PollBookRepository,
    private readonly accessLog: AccessLogRepository,
  ) {}

  async lookUp(
    reader: Principal,
    electionId: string,
    precinctId: string,
    personalNumber: string,
  ): Promise<PollBookEntry | null> {
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const entry = await this.pollBook.find(tx, electionId, precinctId, personalNumber);
      await this.accessLog.record(tx, [
        {
          subject: reader.subject,
          roles: reader.roles,
          purpose: 'poll-book look-up',
          personalNumber,
          electionId,
          precinctId,
          found: entry !== null,
        },
      ]);
      return entry;
    });
  }

  async page(
    reader: Principal,
    electionId: string,
    precinctId: string,
    after: string,
    limit: number,
  ): Promise<PollBookPage> {
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const voters = await this.pollBook.page(tx, electionId, precinctId, after, limit);
      await this.accessLog.record(
        tx,
        voters.map((voter) => ({
          subject: reader.subject,
          roles: reader.roles,
          purpose: 'poll-book page' as const,
          personalNumber: voter.personalNumber,
          electionId,
          precinctId,
          found: true,
        })),
      );
      return { voters, next: voters.length === limit ? (voters.at(-1)?.personalNumber ?? null) : null };
    });
  }
}
