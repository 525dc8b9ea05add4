import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { decisionOf, filingOf } from './case-answers';
import { CaseCommands } from './case-commands';
import {
  absencePath,
  claimPath,
  participationClaimRequest,
  verdictRequest,
  type AbsencePath,
  type ClaimPath,
  type ParticipationClaimRequest,
  type VerdictRequest,
} from './excuse-case.requests';

/** "I did vote": a person recorded absent says they took part; their precinct commission resolves it. */
@Controller('elections/:electionId/absences/:personalNumber/participation-claims')
export class ParticipationClaimsController {
  constructor(private readonly commands: CaseCommands) {}

  @Post()
  @Roles('citizen:*', 'commission')
  // the precinct is the absence's: AbsenceParties answers another precinct's token with one 403
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent('claimId')
  async file(
    @Param(new ZodValidationPipe(absencePath)) path: AbsencePath,
    @Body(new ZodValidationPipe(participationClaimRequest)) request: ParticipationClaimRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(
      principal,
      path,
      ['citizen', 'precinct-commission'],
      (actor, now) => ({
        type: 'FileParticipationClaim',
        ...request,
        filedBy: actor,
        now,
      }),
    );
    return filingOf(decided.stream, request.claimId);
  }

  /** Upheld, the absence is excused and the CEC told that the precinct's poll book missed a voter. */
  @Post(':claimId/decision')
  @Roles('commission')
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent()
  async resolve(
    @Param(new ZodValidationPipe(claimPath)) path: ClaimPath,
    @Body(new ZodValidationPipe(verdictRequest)) request: VerdictRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(principal, path, ['precinct-commission'], (actor, now) => ({
      type: 'ResolveParticipationClaim',
      claimId: path.claimId,
      ...request,
      decidedBy: actor,
      now,
    }));
    return decisionOf(decided);
  }
}
