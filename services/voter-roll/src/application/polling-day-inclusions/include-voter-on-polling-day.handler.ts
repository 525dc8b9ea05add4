import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource } from 'typeorm';
import {
  includeVoterOnPollingDay,
  type PollingDayInclusionRejection,
} from '../../domain/polling-day-inclusion';
import { CitizensRepository } from '../../infrastructure/citizens.repository';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import type { UnknownElection } from '../absentee-certificates/issue-absentee-certificate.command';
import { ElectionsReader } from '../elections.reader';
import { retryOnConflict, voterListingStreamId } from '../retry-on-conflict';
import { IncludeVoterOnPollingDayCommand, type IncludedVoter } from './include-voter-on-polling-day.command';

/**
 * The national check: the voter's one row per election (any precinct) is locked, or, when there is none,
 * the voter's stream must not exist yet, so two commissions including the same voter cannot both succeed.
 */
@CommandHandler(IncludeVoterOnPollingDayCommand)
export class IncludeVoterOnPollingDayHandler implements ICommandHandler<IncludeVoterOnPollingDayCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly lists: VoterListsRepository,
    private readonly precincts: PrecinctsRepository,
    private readonly citizens: CitizensRepository,
  ) {}

  async execute({
    inclusion,
  }: IncludeVoterOnPollingDayCommand): Promise<
    Result<IncludedVoter, PollingDayInclusionRejection | UnknownElection>
  > {
    const { electionId, personalNumber, precinctId } = inclusion;
    const election = await this.elections.load(electionId);
    if (election.status !== 'called')
      return {
        ok: false,
        error: { code: 'unknown-election', message: `election ${electionId} has not been called` },
      };
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const stage = await this.lists.stage(electionId, tx);
        const stored = await this.lists.lockListing(tx, electionId, personalNumber);
        const decision = includeVoterOnPollingDay(inclusion, {
          electionDate: election.electionDate,
          listsFinalized: stage.stage === 'finalized',
          precinctKnown: await this.precincts.exists(precinctId, tx),
          listing: stored.listing,
          citizen: await this.citizens.find(personalNumber, tx),
        });
        if (!decision.ok) return decision;
        const streamId = voterListingStreamId(electionId, personalNumber);
        const version = stored.streamVersion;
        const [event] = await this.store.append(
          [{ streamId, expectedVersion: version === 0 ? 'no-stream' : version, events: decision.value }],
          {},
          tx,
        );
        await this.lists.recordInclusion(tx, inclusion, event?.streamVersion ?? version + 1);
        return { ok: true as const, value: { electionId, precinctId } };
      }),
    );
  }
}
