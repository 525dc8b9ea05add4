import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource } from 'typeorm';
import {
  absenteeCertificateDecider,
  issueAbsenteeCertificate,
  type AbsenteeCertificateRejection,
} from '../../domain/absentee-certificate';
import { unknownElection, type UnknownElection } from '../../domain/election';
import { voterListingStreamId } from '../../domain/stream-ids';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { expectedAt, loadAggregate } from '../aggregate-state';
import { ElectionsReader } from '../elections.reader';
import { retryOnConflict } from '../retry-on-conflict';
import { ListFacts } from '../voter-lists/list-facts';
import {
  IssueAbsenteeCertificateCommand,
  type IssuedCertificate,
} from './issue-absentee-certificate.command';

/** Decides on the voter's listing folded from its own stream and appends at that stream's version. */
@CommandHandler(IssueAbsenteeCertificateCommand)
export class IssueAbsenteeCertificateHandler implements ICommandHandler<IssueAbsenteeCertificateCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly facts: ListFacts,
    private readonly lists: VoterListsRepository,
  ) {}

  async execute({
    certificate,
  }: IssueAbsenteeCertificateCommand): Promise<
    Result<IssuedCertificate, AbsenteeCertificateRejection | UnknownElection>
  > {
    const { electionId, personalNumber, serial, votingPrecinctId } = certificate;
    const election = await this.elections.load(electionId);
    if (election.status !== 'called') return { ok: false, error: unknownElection(electionId) };
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const streamId = voterListingStreamId(electionId, personalNumber);
        const listing = await loadAggregate(this.store, streamId, absenteeCertificateDecider, tx);
        const decision = issueAbsenteeCertificate(certificate, listing.state, {
          listsFinalized: await this.facts.listsFinalized(electionId, tx),
          // a serial spans every voter's stream: the certificates projection, whose unique (election, serial)
          // key is written in this transaction, reserves it; a concurrent taker makes this attempt decide again
          serialIssued: await this.lists.serialIssued(tx, electionId, serial),
          votingPrecinctKnown: await this.facts.precinctRegistered(votingPrecinctId, tx),
          territory: election.territory,
        });
        if (!decision.ok) return decision;
        const [event] = await this.store.append(
          [{ streamId, expectedVersion: expectedAt(listing.version), events: decision.value }],
          {},
          tx,
        );
        const [issued] = decision.value;
        if (!event || !issued) throw new Error('an issued certificate appends exactly one event');
        await this.lists.recordCertificate(tx, issued.payload, event.streamVersion);
        const { homePrecinctId } = issued.payload;
        return { ok: true as const, value: { electionId, serial, homePrecinctId, votingPrecinctId } };
      }),
    );
  }
}
