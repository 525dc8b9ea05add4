import {
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { ClosePollsCommand } from '../application/close-polls/close-polls.command';
import { OpenPollsCommand, type PollsCommandRejection } from '../application/open-polls/open-polls.command';
import { pollsPath } from './check-in.requests';

type PollsPath = { electionId: string; precinctId: string };

@Controller('elections/:electionId/precincts/:precinctId/polls')
export class PollsController {
  constructor(private readonly commands: CommandBus) {}

  /** The precinct commission opens its polls, from the official opening time on polling day. */
  @Post('open')
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct('params.precinctId'))
  @Idempotent()
  async open(
    @Param(new ZodValidationPipe(pollsPath)) { electionId, precinctId }: PollsPath,
    @CurrentPrincipal() member: Principal,
  ) {
    const outcome = await this.commands.execute(
      new OpenPollsCommand(electionId, precinctId, actingAs(member, 'commission')),
    );
    if (outcome.ok) return outcome.value;
    throw refusal(outcome.error);
  }

  /** The precinct commission closes its polls, at or after the official closing time. */
  @Post('close')
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct('params.precinctId'))
  @Idempotent()
  async close(
    @Param(new ZodValidationPipe(pollsPath)) { electionId, precinctId }: PollsPath,
    @CurrentPrincipal() member: Principal,
  ) {
    const outcome = await this.commands.execute(
      new ClosePollsCommand(electionId, precinctId, actingAs(member, 'commission')),
    );
    if (outcome.ok) return outcome.value;
    throw refusal(outcome.error);
  }
}

function refusal(rejection: PollsCommandRejection): Error {
  switch (rejection.code) {
    case 'unknown-election':
    case 'unknown-precinct':
      return new NotFoundException(rejection.message);
    case 'already-open':
    case 'already-closed':
    case 'not-open':
      return new ConflictException(rejection.message);
    default:
      return new UnprocessableEntityException(rejection.message);
  }
}
