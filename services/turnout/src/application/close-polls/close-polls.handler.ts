import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PollsClosedPayload, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { pollsDecider, pollsStreamId } from '../../domain/polls';
import { ParticipationRepository } from '../../infrastructure/participation.repository';
import { CLOCK, type Clock } from '@vl/clock';
import type { PollsCommandRejection } from '../open-polls/open-polls.command';
import { PollsPreconditions } from '../polls-preconditions';
import { ClosePollsCommand } from './close-polls.command';

@CommandHandler(ClosePollsCommand)
export class ClosePollsHandler implements ICommandHandler<ClosePollsCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly preconditions: PollsPreconditions,
    private readonly participation: ParticipationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ClosePollsCommand): Promise<Result<PollsClosedPayload, PollsCommandRejection>> {
    const day = await this.preconditions.pollingDayAt(command.electionId, command.precinctId);
    if (!day.ok) return day;
    const { electionId, precinctId, closedBy } = command;
    const outcome = await decideAndAppend(
      this.store,
      pollsStreamId(electionId, precinctId),
      pollsDecider,
      { type: 'ClosePolls', electionId, precinctId, closedBy, now: this.clock.now().toISOString() },
      { day: day.value, participation: await this.participation.load(electionId) },
    );
    if (!outcome.ok) return outcome;
    const [closed] = outcome.value;
    if (closed?.type !== 'PollsClosed')
      throw new Error(`closing polls at ${precinctId} recorded no PollsClosed`);
    return { ok: true, value: closed.payload };
  }
}
