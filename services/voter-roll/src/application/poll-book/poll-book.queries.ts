import { Injectable } from '@nestjs/common';
import type { Principal } from '@vl/auth';
import { ParticipationReads, retryOnConflict } from '@vl/ledger';
import { DataSource } from 'typeorm';
import { PollBookRepository, type PollBookEntry } from '../../infrastructure/poll-book.repository';

export interface PollBookPage {
  readonly voters: readonly PollBookEntry[];
  /** pass as `after` for the next page; null on the last page */
  readonly next: string | null;
}

/** Who reads a poll book: the token and the role its endpoint admitted it in. */
export interface PollBookReader {
  readonly principal: Principal;
  readonly role: string;
}

/**
 * Poll-book reads. Each one (a person found or not: the question alone says something about the person; a page:
 * the range shown) is a ParticipationRead event in voter-roll's log, appended in the read's transaction, so no
 * data leaves unrecorded (ARCHITECTURE invariant 7).
 */
@Injectable()
export class PollBookQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pollBook: PollBookRepository,
    private readonly reads: ParticipationReads,
  ) {}

  async lookUp(
    reader: PollBookReader,
    electionId: string,
    precinctId: string,
    personalNumber: string,
  ): Promise<PollBookEntry | null> {
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const entry = await this.pollBook.find(tx, electionId, precinctId, personalNumber);
        await this.reads.record(
          reader.principal,
          reader.role,
          'poll-book-look-up',
          { people: [{ personalNumber, electionId, precinctId, found: entry !== null }] },
          tx,
        );
        return entry;
      }),
    );
  }

  async page(
    reader: PollBookReader,
    electionId: string,
    precinctId: string,
    after: string,
    limit: number,
  ): Promise<PollBookPage> {
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const voters = await this.pollBook.page(tx, electionId, precinctId, after, limit);
        await this.reads.record(
          reader.principal,
          reader.role,
          'poll-book-page',
          {
            range: {
              kind: 'poll-book-page',
              electionId,
              precinctId,
              after,
              limit,
              firstShown: voters[0]?.personalNumber ?? null,
              lastShown: voters.at(-1)?.personalNumber ?? null,
              shown: voters.length,
            },
          },
          tx,
        );
        return { voters, next: voters.length === limit ? (voters.at(-1)?.personalNumber ?? null) : null };
      }),
    );
  }
}
