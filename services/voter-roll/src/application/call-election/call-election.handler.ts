import { CLOCK, type Clock } from '@vl/clock';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { decideAndAppend } from '@vl/ledger';
import { electionDecider } from '../../domain/call-election';
import type { ElectionRejection } from '../../domain/election';
import { electionStreamId } from '../../domain/stream-ids';
import { calendarDateIn } from '../elections.reader';
import { CallElectionCommand } from './call-election.command';

@CommandHandler(CallElectionCommand)
export class CallElectionHandler implements ICommandHandler<CallElectionCommand> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    election,
  }: CallElectionCommand): Promise<Result<{ electionId: string }, ElectionRejection>> {
    const today = calendarDateIn(election.timeZone, this.clock.now());
    const outcome = await decideAndAppend(
      this.store,
      electionStreamId(election.electionId),
      electionDecider,
      election,
      { today },
      {},
    );
    return outcome.ok ? { ok: true, value: { electionId: election.electionId } } : outcome;
  }
}
