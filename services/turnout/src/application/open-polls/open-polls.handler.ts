import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PollsOpenedPayload, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { pollsDecider, pollsStreamId } from '../../domain/polls';
import { ParticipationRepository } from '../../infrastructure/participation.repository';
import { CLOCK, type Clock } from '@vl/clock';
import { PollsPreconditions } from '../polls-preconditions';
import { OpenPollsCommand, type PollsCommandRejection } from './open-polls.command';

@CommandHandler(OpenPollsCommand)
export class OpenPollsHandler implements ICommandHandler<OpenPollsCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly preconditions: PollsPreconditions,
    private readonly participation: ParticipationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: OpenPollsCommand): Promise<Result<PollsOpenedPayload, PollsCommandRejection>> {
    const day = await this.preconditions.pollingDayAt(command.electionId, command.precinctId);
    if (!day.ok) return day;
    const { electionId, precinctId, openedBy } = command;
    const participation = await this.participation.load(electionId);
    const outcome = await decideAndAppend(
      this.store,
      pollsStreamId(electionId, precinctId),
      pollsDecider,
      { type: 'OpenPolls', electionId, precinctId, openedBy, now: this.clock.now().toISOString() },
      { day: day.value, participation },
    );
    if (!outcome.ok) return outcome;
    const [opened] = outcome.value;
    if (opened?.type !== 'PollsOpened')
      throw new Error(`opening polls at ${precinctId} recorded no PollsOpened`);
    return { ok: true, value: opened.payload };
  }
}
