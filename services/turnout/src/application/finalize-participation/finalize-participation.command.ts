import { Command } from '@nestjs/cqrs';
import type { Actor, Result } from '@vl/contracts';
import type { FinalizeRejection } from '../../domain/participation';
import type { ParticipationStatus } from '../participation-status';

export type FinalizeCommandRejection =
  FinalizeRejection | { readonly code: 'unknown-election'; readonly message: string };

export class FinalizeParticipationCommand extends Command<
  Result<ParticipationStatus, FinalizeCommandRejection>
> {
  constructor(
    readonly electionId: string,
    readonly finalizedBy: Actor,
  ) {
    super();
  }
}
