import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, Roles, type Principal } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { CallElectionCommand } from '../application/call-election/call-election.command';

import { callElectionRequest, type CallElectionRequest } from './call-election.request';

@Controller('elections')
export class ElectionsController {
  constructor(private readonly commands: CommandBus) {}

  /** The CEC calls an election or referendum; other services learn of it from ElectionCalled. */
  @Post()
  @HttpCode(201)
  @Roles('cec-operator')
  async call(
    @Body(new ZodValidationPipe(callElectionRequest)) request: CallElectionRequest,
    @CurrentPrincipal() operator: Principal,
  ) {
    const outcome = await this.commands.execute(
      new CallElectionCommand({
        electionId: uuidv7(),
        ...request,
        calledBy: actingAs(operator, 'cec-operator'),
      }),
    );
    if (outcome.ok) return outcome.value;
    if (outcome.error.code === 'already-called') throw new ConflictException(outcome.error.message);
    throw new UnprocessableEntityException(outcome.error.message);
  }
}
