import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type { CallElection } from '../../domain/call-election';
import type { ElectionRejection } from '../../domain/election';

export class CallElectionCommand extends Command<Result<{ electionId: string }, ElectionRejection>> {
  constructor(readonly election: CallElection) {
    super();
  }
}
