import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { noContext, type PollsClosedPayload, type Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { closePolls, evolvePolls, pollsNotOpened, pollsStreamId, type ClosePolls } from '../../domain/polls';
import { CLOCK, type Clock } from '@vl/clock';
import type { PollsCommandRejection } from '../open-polls/open-polls.command';
import { PollsPreconditions } from '../polls-preconditions';
import { ClosePollsCommand } from './close-polls.command';

@CommandHandler(ClosePollsCommand)
export class ClosePollsHandler implements ICommandHandler<ClosePollsCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly preconditions: PollsPreconditions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ClosePollsCommand): Promise<Result<PollsClosedPayload, PollsCommandRejection>> {
    const day = await this.preconditions.pollingDayAt(command.electionId, command.precinctId);
    if (!day.ok) return day;
    const { electionId, precinctId, closedBy } = command;
    const outcome = await decideAndAppend(
      this.store,
      pollsStreamId(electionId, precinctId),
      {
        initialState: pollsNotOpened,
        evolve: evolvePolls,
        decide: (close: ClosePolls, state) => closePolls(close, state, day.value),
      },
      { electionId, precinctId, closedBy, now: this.clock.now().toISOString() },
      noContext,
    );
    return outcome.ok ? { ok: true, value: outcome.value[0]?.payload as PollsClosedPayload } : outcome;
  }
}
