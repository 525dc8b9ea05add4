import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import type { Actor } from '@vl/contracts';
import type { Response } from 'express';
import { CheckInQueue } from '../application/check-in-voters/check-in-queue';
import type { CheckInOutcome } from '../application/check-in-voters/check-in-voters.handler';
import { CLOCK, type Clock } from '@vl/clock';
import { ParticipationReads, readIdOf } from '@vl/ledger';
import { PollingDays, unknownElection } from '../application/polling-days';
import type { CheckInVoter } from '../domain/check-in-voter';
import {
  checkInRequest,
  checkInSyncRequest,
  electionPath,
  type CheckInRequest,
  type CheckInSyncRequest,
} from './check-in.requests';
import { answerOf, statusOf, type CheckInAnswer } from './check-in.responses';

@Controller('elections/:electionId/check-ins')
export class CheckInsController {
  constructor(
    private readonly queue: CheckInQueue,
    private readonly pollingDays: PollingDays,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: ParticipationReads,
  ) {}

  /** A poll worker checks one voter in; a retry with the same checkInId gets the first answer back. */
  @Post()
  @Roles('poll-worker')
  @Scoped(Scope.precinct('body.precinctId'))
  @Idempotent('checkInId')
  async checkIn(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @Body(new ZodValidationPipe(checkInRequest)) request: CheckInRequest,
    @CurrentPrincipal() pollWorker: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const receivedAt = this.clock.now().toISOString();
    const { device, ...voter } = request;
    const [outcome] = await this.queue.submit([
      { ...voter, electionId, pollWorker: pollWorkerOf(pollWorker), receivedAt, device: device ?? null },
    ]);
    const answer = answerOf(request.checkInId, outcome as CheckInOutcome);
    await this.recordRepeated(pollWorker, electionId, [[request, answer]]);
    response.status(statusOf(answer));
    return answer;
  }

  /** An offline poll book syncs a page of its log; every check-in gets its own answer, in the page's order. */
  @Post('batch')
  @HttpCode(200)
  @Roles('poll-worker')
  @Scoped(Scope.precinct('body.checkIns[].precinctId'))
  @Idempotent('checkIns[].checkInId')
  async sync(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @Body(new ZodValidationPipe(checkInSyncRequest)) request: CheckInSyncRequest,
    @CurrentPrincipal() pollWorker: Principal,
  ) {
    const receivedAt = this.clock.now().toISOString();
    const worker = pollWorkerOf(pollWorker);
    if (!(await this.pollingDays.of(electionId)))
      throw new NotFoundException(unknownElection(electionId).message);
    const commands = request.checkIns.map(({ sequence, deviceTime, ...voter }): CheckInVoter => ({
      ...voter,
      electionId,
      pollWorker: worker,
      receivedAt,
      device: { deviceId: request.deviceId, sequence, deviceTime },
    }));
    const outcomes = await this.queue.submit(commands);
    const answers = outcomes.map((outcome, index) =>
      answerOf((commands[index] as CheckInVoter).checkInId, outcome),
    );
    await this.recordRepeated(
      pollWorker,
      electionId,
      answers.map((answer, index) => [commands[index] as CheckInVoter, answer]),
    );
    const count = (kind: string) => answers.filter((answer) => answer.outcome === kind).length;
    return {
      deviceId: request.deviceId,
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      outcomes: answers,
    };
  }

  // "already took part" tells the poll worker that the person voted: each such answer is a recorded read (rare)
  private async recordRepeated(
    pollWorker: Principal,
    electionId: string,
    answered: readonly (readonly [{ personalNumber: string; precinctId: string }, CheckInAnswer])[],
  ): Promise<void> {
    // a retried attempt gets the same answer: one read per attempt (checkInId), however often it is asked
    const people = answered
      .filter(([, answer]) => answer.outcome === 'duplicate')
      .map(([{ personalNumber, precinctId }, { checkInId }]) => ({
        personalNumber,
        electionId,
        precinctId,
        readId: readIdOf(`repeated-check-in/${checkInId}`),
      }));
    if (people.length > 0)
      await this.reads.record(pollWorker, 'poll-worker', 'repeated-check-in', { people });
  }
}

// the events name the poll worker by the token's subject; one that does not fit is refused before it is batched
function pollWorkerOf(pollWorker: Principal): Actor {
  if (pollWorker.subject.length > 200)
    throw new BadRequestException(
      'the token subject names the poll worker in the event: at most 200 characters',
    );
  return actingAs(pollWorker, 'poll-worker');
}
