import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { Roles, Scope, Scoped } from '@vl/auth';
import { ScheduledElectionsRepository } from '../infrastructure/scheduled-elections.repository';

@Controller('elections')
export class ElectionsController {
  constructor(private readonly elections: ScheduledElectionsRepository) {}

  /** Poll books and commissions read the election's day and hours before polls open. */
  @Get(':electionId')
  @Roles('poll-worker', 'commission', 'cec-operator', 'auditor')
  @Scoped(Scope.election())
  async find(@Param('electionId', new ParseUUIDPipe()) electionId: string) {
    const election = await this.elections.find(electionId);
    if (!election) throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    return election;
  }
}
