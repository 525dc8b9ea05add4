import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AbsenteeCertificateIssuedPayload, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource } from 'typeorm';
import {
  issueAbsenteeCertificate,
  type AbsenteeCertificateRejection,
} from '../../domain/absentee-certificate';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { ElectionsReader } from '../elections.reader';
import { retryOnConflict, voterListingStreamId } from '../retry-on-conflict';
import {
  IssueAbsenteeCertificateCommand,
  type IssuedCertificate,
  type UnknownElection,
} from './issue-absentee-certificate.command';

/** Decides on the voter's listing as stored, locked, and appends with the read model in one transaction. */
@CommandHandler(IssueAbsenteeCertificateCommand)
export class IssueAbsenteeCertificateHandler implements ICommandHandler<IssueAbsenteeCertificateCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly lists: VoterListsRepository,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async execute({
    certificate,
  }: IssueAbsenteeCertificateCommand): Promise<
    Result<IssuedCertificate, AbsenteeCertificateRejection | UnknownElection>
  > {
    const { electionId, personalNumber, serial, votingPrecinctId } = certificate;
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
        const decision = issueAbsenteeCertificate(certificate, {
          listsFinalized: stage.stage === 'finalized',
          listing: stored.listing,
          serialIssued: await this.lists.serialIssued(tx, electionId, serial),
          votingPrecinctKnown: await this.precincts.exists(votingPrecinctId, tx),
        });
        if (!decision.ok) return decision;
        const streamId = voterListingStreamId(electionId, personalNumber);
        const version = stored.streamVersion;
        const [event] = await this.store.append(
          [{ streamId, expectedVersion: version === 0 ? 'no-stream' : version, events: decision.value }],
          {},
          tx,
        );
        const issued = event?.payload as AbsenteeCertificateIssuedPayload;
        await this.lists.recordCertificate(tx, issued, event?.streamVersion ?? version + 1);
        return {
          ok: true as const,
          value: {
            electionId,
            serial: issued.serial,
            homePrecinctId: issued.homePrecinctId,
            votingPrecinctId: issued.votingPrecinctId,
          },
        };
      }),
    );
  }
}
