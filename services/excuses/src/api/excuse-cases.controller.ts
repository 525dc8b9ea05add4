import { Body, Controller, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { decisionOf, filingOf } from './case-answers';
import { CaseCommands } from './case-commands';
import {
  absencePath,
  appealRequest,
  casePath,
  decideExcuseRequest,
  fileExcuseRequest,
  verdictRequest,
  type AbsencePath,
  type AppealRequest,
  type CasePath,
  type DecideExcuseRequest,
  type FileExcuseRequest,
  type VerdictRequest,
} from './excuse-case.requests';

/**
 * Excuse cases of one absence: filed by the citizen or their precinct commission, decided by that commission,
 * appealed once and decided finally by the district commission. The guard checks the token's election; which
 * precinct or district comes from the absence, and AbsenceParties answers another one's token with one 403.
 */
@Controller('elections/:electionId/absences/:personalNumber/excuses')
export class ExcuseCasesController {
  constructor(private readonly commands: CaseCommands) {}

  /** Files a valid reason within the window; the client's caseId makes a retry answer the first filing. */
  @Post()
  @Roles('citizen:*', 'commission')
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent('caseId')
  async file(
    @Param(new ZodValidationPipe(absencePath)) path: AbsencePath,
    @Body(new ZodValidationPipe(fileExcuseRequest)) request: FileExcuseRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(
      principal,
      path,
      ['citizen', 'precinct-commission'],
      (actor, now) => ({
        type: 'FileExcuse',
        ...request,
        filedBy: actor,
        now,
      }),
    );
    return filingOf(decided.stream, request.caseId);
  }

  /** The voter's precinct commission accepts or rejects a filed case, saying why. */
  @Post(':caseId/decision')
  @Roles('commission')
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent()
  async decide(
    @Param(new ZodValidationPipe(casePath)) path: CasePath,
    @Body(new ZodValidationPipe(decideExcuseRequest)) request: DecideExcuseRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(principal, path, ['precinct-commission'], (actor, now) => ({
      type: 'DecideExcuse',
      caseId: path.caseId,
      ...request,
      decidedBy: actor,
      now,
    }));
    return decisionOf(decided);
  }

  /** The citizen or their precinct commission appeals a rejection once, within the appeal period. */
  @Post(':caseId/appeal')
  @Roles('citizen:*', 'commission')
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent()
  async appeal(
    @Param(new ZodValidationPipe(casePath)) path: CasePath,
    @Body(new ZodValidationPipe(appealRequest)) request: AppealRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(
      principal,
      path,
      ['citizen', 'precinct-commission'],
      (actor, now) => ({
        type: 'AppealRejection',
        caseId: path.caseId,
        statement: request.statement,
        appealedBy: actor,
        now,
      }),
    );
    return decided.recorded[0]?.payload;
  }

  /** The district commission decides the appeal finally; a precinct commission's token is refused. */
  @Post(':caseId/appeal/decision')
  @Roles('commission')
  @Scoped(Scope.person('params.personalNumber'))
  @Idempotent()
  async decideAppeal(
    @Param(new ZodValidationPipe(casePath)) path: CasePath,
    @Body(new ZodValidationPipe(verdictRequest)) request: VerdictRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const decided = await this.commands.give(principal, path, ['district-commission'], (actor, now) => ({
      type: 'DecideAppeal',
      caseId: path.caseId,
      ...request,
      decidedBy: actor,
      now,
    }));
    return decisionOf(decided);
  }
}
