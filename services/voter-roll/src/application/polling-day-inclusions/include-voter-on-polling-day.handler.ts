import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource } from 'typeorm';
import { unknownElection, type UnknownElection } from '../../domain/election';
import {
  pollingDayInclusionDecider,
  type PollingDayInclusionRejection,
} from '../../domain/polling-day-inclusion';
import { voterListingStreamId } from '../../domain/stream-ids';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { expectedAt, loadAggregate } from '../aggregate-state';
import { ElectionsReader } from '../elections.reader';
import { retryOnConflict } from '../retry-on-conflict';
import { ListFacts } from '../voter-lists/list-facts';
import { IncludeVoterOnPollingDayCommand, type IncludedVoter } from './include-voter-on-polling-day.command';

/**
 * The national check: the voter's one stream per election (any precinct) is folded and appended to at its
 * version, so two commissions including the same voter cannot both succeed.
 */
@CommandHandler(IncludeVoterOnPollingDayCommand)
export class IncludeVoterOnPollingDayHandler implements ICommandHandler<IncludeVoterOnPollingDayCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly facts: ListFacts,
    private readonly lists: VoterListsRepository,
  ) {}

  async execute({
    inclusion,
  }: IncludeVoterOnPollingDayCommand): Promise<
    Result<IncludedVoter, PollingDayInclusionRejection | UnknownElection>
  > {
    const { electionId, personalNumber, precinctId } = inclusion;
    const election = await this.elections.load(electionId);
    if (election.status !== 'called') return { ok: false, error: unknownElection(electionId) };
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const streamId = voterListingStreamId(electionId, personalNumber);
        const listing = await loadAggregate(this.store, streamId, pollingDayInclusionDecider, tx);
        const decision = pollingDayInclusionDecider.decide(inclusion, listing.state, {
          electionDate: election.electionDate,
          listsFinalized: await this.facts.listsFinalized(electionId, tx),
          precinctKnown: await this.facts.precinctRegistered(precinctId, tx),
          territory: election.territory,
          citizen: await this.facts.citizen(personalNumber, tx),
        });
        if (!decision.ok) return decision;
        const [event] = await this.store.append(
          [{ streamId, expectedVersion: expectedAt(listing.version), events: decision.value }],
          {},
          tx,
        );
        if (!event) throw new Error('an inclusion appends exactly one event');
        await this.lists.recordInclusion(tx, inclusion, event.streamVersion);
        return { ok: true as const, value: { electionId, precinctId } };
      }),
    );
  }
}
