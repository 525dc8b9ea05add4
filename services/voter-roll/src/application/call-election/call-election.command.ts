import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type { ElectionRejection } from '../../domain/election';
import type { CallElection } from '../../domain/call-election';

export class CallElectionCommand extends Command<Result<{ electionId: string }, ElectionRejection>> {
  constructor(
    readonly election: Omit<CallElection, 'today'>,
    readonly calledBy: string,
  ) {
    super();
  }
}
