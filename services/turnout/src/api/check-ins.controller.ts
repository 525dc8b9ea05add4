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
import { actingAs, CurrentPrincipal, Roles, type Principal } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import type { Actor } from '@vl/contracts';
import type { Response } from 'express';
import { CheckInQueue } from '../application/check-in-voters/check-in-queue';
import type { CheckInOutcome } from '../application/check-in-voters/check-in-voters.handler';
import { CLOCK, type Clock } from '@vl/clock';
import { PollingDays, unknownElection } from '../application/polling-days';
import type { CheckInVoter } from '../domain/check-in-voter';
import {
  checkInRequest,
  checkInSyncRequest,
  electionPath,
  type CheckInRequest,
  type CheckInSyncRequest,
} from './check-in.requests';
import { answerOf, statusOf } from './check-in.responses';

@Controller('elections/:electionId/check-ins')
export class CheckInsController {
  constructor(
    private readonly queue: CheckInQueue,
    private readonly pollingDays: PollingDays,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A poll worker checks one voter in; a retry with the same checkInId gets the first answer back. */
  @Post()
  @Roles('poll-worker')
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
    response.status(statusOf(answer));
    return answer;
  }

  /** An offline poll book syncs a page of its log; every check-in gets its own answer, in the page's order. */
  @Post('batch')
  @HttpCode(200)
  @Roles('poll-worker')
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
    const count = (kind: string) => answers.filter((answer) => answer.outcome === kind).length;
    return {
      deviceId: request.deviceId,
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      outcomes: answers,
    };
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
