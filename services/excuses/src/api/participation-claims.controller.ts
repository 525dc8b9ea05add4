import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { ExcuseCases } from '../application/excuse-cases';
import { AbsenceParties, requireAbsence } from './absence-parties';
import { decisionOf, filingOf } from './case-answers';
import { caseRefused } from './case-refusals';
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
  constructor(
    private readonly cases: ExcuseCases,
    private readonly parties: AbsenceParties,
  ) {}

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
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, [
      'citizen',
      'precinct-commission',
    ]);
    const decided = await this.cases.decide(requireAbsence(party), (now) => ({
      type: 'FileParticipationClaim',
      ...request,
      filedBy: party.actor,
      now,
    }));
    if (!decided.ok) throw caseRefused(decided.error);
    return filingOf(decided.value.stream, request.claimId);
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
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, [
      'precinct-commission',
    ]);
    const decided = await this.cases.decide(requireAbsence(party), (now) => ({
      type: 'ResolveParticipationClaim',
      claimId: path.claimId,
      ...request,
      decidedBy: party.actor,
      now,
    }));
    if (!decided.ok) throw caseRefused(decided.error);
    return decisionOf(decided.value);
  }
}
