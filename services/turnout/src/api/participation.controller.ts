import { ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { FinalizeParticipationCommand } from '../application/finalize-participation/finalize-participation.command';
import { ParticipationStatuses } from '../application/participation-status';
import { electionPath } from './check-in.requests';

@Controller('elections/:electionId/participation')
export class ParticipationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly statuses: ParticipationStatuses,
  ) {}

  /**
   * The CEC finalizes the election's participation once every precinct's polls closed and their grace period is
   * over; the absences are then derived in the background (202, the status document). Asking again answers with
   * the current status and changes nothing; 409 names the rule and the precincts holding finalization back.
   */
  @Post('finalize')
  @HttpCode(202)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async finalize(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @CurrentPrincipal() operator: Principal,
  ) {
    const outcome = await this.commands.execute(
      new FinalizeParticipationCommand(electionId, actingAs(operator, 'cec-operator')),
    );
    if (outcome.ok) return outcome.value;
    if (outcome.error.code === 'unknown-election') throw new NotFoundException(outcome.error.message);
    throw new ConflictException({
      statusCode: 409,
      error: outcome.error.code,
      message: outcome.error.message,
    });
  }

  /** The finalized figures and how many VoterAbsent events are derived so far; 404 before finalization. */
  @Get()
  @Roles('cec-operator', 'auditor')
  @Scoped(Scope.national())
  async status(@Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string }) {
    const status = await this.statuses.of(electionId);
    if (!status) throw new NotFoundException(`participation in election ${electionId} is not finalized`);
    return status;
  }
}
