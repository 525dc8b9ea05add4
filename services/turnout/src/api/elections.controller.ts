import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { Roles, Scope, Scoped } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { ScheduledElectionsRepository } from '../infrastructure/scheduled-elections.repository';
import { electionPath } from './check-in.requests';

@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ScheduledElectionsRepository) {}

  /** Poll books and commissions read the election's day and hours before polls open. */
  @Get(':electionId')
  @Roles('poll-worker', 'commission', 'cec-operator', 'auditor')
  @Scoped(Scope.election())
  async find(@Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string }) {
    const election = await this.elections.find(electionId);
    if (!election) throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    return election;
  }
}
