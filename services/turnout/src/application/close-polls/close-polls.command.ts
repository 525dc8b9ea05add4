import { Command } from '@nestjs/cqrs';
import type { Actor, PollsClosedPayload, Result } from '@vl/contracts';
import type { PollsCommandRejection } from '../open-polls/open-polls.command';

export class ClosePollsCommand extends Command<Result<PollsClosedPayload, PollsCommandRejection>> {
  constructor(
    readonly electionId: string,
    readonly precinctId: string,
    readonly closedBy: Actor,
  ) {
    super();
  }
}
