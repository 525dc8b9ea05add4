import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { noContext, type CheckInRevokedPayload, type Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { revokeCheckIn, type RevokeCheckIn } from '../../domain/revoke-check-in';
import { checkInStreamId, evolveVoterCheckIn, noCheckIn } from '../../domain/voter-check-in';
import { ParticipationRepository } from '../../infrastructure/participation.repository';
import { PollingDays, unknownElection } from '../polling-days';
import { RevokeCheckInCommand, type RevokeCommandRejection } from './revoke-check-in.command';

@CommandHandler(RevokeCheckInCommand)
export class RevokeCheckInHandler implements ICommandHandler<RevokeCheckInCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly pollingDays: PollingDays,
    private readonly participation: ParticipationRepository,
  ) {}

  async execute({
    revocation,
  }: RevokeCheckInCommand): Promise<Result<CheckInRevokedPayload, RevokeCommandRejection>> {
    const day = await this.pollingDays.of(revocation.electionId);
    if (!day) return { ok: false, error: unknownElection(revocation.electionId) };
    const participation = await this.participation.load(revocation.electionId);
    const outcome = await decideAndAppend(
      this.store,
      checkInStreamId(revocation.electionId, revocation.personalNumber),
      {
        initialState: noCheckIn,
        evolve: evolveVoterCheckIn,
        decide: (revoke: RevokeCheckIn, state) =>
          revokeCheckIn(revoke, state, { participation, timeZone: day.timeZone }),
      },
      revocation,
      noContext,
    );
    return outcome.ok ? { ok: true, value: outcome.value[0]?.payload as CheckInRevokedPayload } : outcome;
  }
}
