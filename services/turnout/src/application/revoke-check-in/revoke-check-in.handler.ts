import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CheckInRevokedPayload, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { revokeCheckInDecider } from '../../domain/revoke-check-in';
import { checkInStreamId } from '../../domain/voter-check-in';
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
    reach,
  }: RevokeCheckInCommand): Promise<Result<CheckInRevokedPayload, RevokeCommandRejection>> {
    const day = await this.pollingDays.of(revocation.electionId);
    if (!day) return { ok: false, error: unknownElection(revocation.electionId) };
    const participation = await this.participation.load(revocation.electionId);
    const outcome = await decideAndAppend(
      this.store,
      checkInStreamId(revocation.electionId, revocation.personalNumber),
      revokeCheckInDecider,
      revocation,
      { participation, timeZone: day.timeZone, reach },
    );
    if (!outcome.ok) return outcome;
    const [revoked] = outcome.value;
    if (revoked?.type !== 'CheckInRevoked') throw new Error('revoking a check-in recorded no CheckInRevoked');
    return { ok: true, value: revoked.payload };
  }
}
