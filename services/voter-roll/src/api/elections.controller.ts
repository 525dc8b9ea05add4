import {
  Body,
  ConflictException,
  Controller,
  Headers,
  HttpCode,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { CallElectionCommand } from '../application/call-election/call-election.command';

import { callElectionRequest, type CallElectionRequest } from './call-election.request';
import { electionIdFor } from './election-id';

@Controller('elections')
export class ElectionsController {
  constructor(private readonly commands: CommandBus) {}

  /** The CEC calls an election or referendum; other services learn of it from ElectionCalled. */
  @Post()
  @HttpCode(201)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async call(
    @Body(new ZodValidationPipe(callElectionRequest)) request: CallElectionRequest,
    @CurrentPrincipal() operator: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const outcome = await this.commands.execute(
      new CallElectionCommand({
        electionId: electionIdFor(idempotencyKey),
        ...request,
        calledBy: actingAs(operator, 'cec-operator'),
      }),
    );
    if (outcome.ok) return outcome.value;
    if (outcome.error.code === 'already-called') throw new ConflictException(outcome.error.message);
    throw new UnprocessableEntityException(outcome.error.message);
  }
}
