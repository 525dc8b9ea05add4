import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { ParticipationReads } from '@vl/ledger';
import { ZodValidationPipe } from '@vl/service-kit';
import { absenceViewOf } from '../application/absence-view';
import { ExcuseCases } from '../application/excuse-cases';
import { ExcuseCasesProjection } from '../infrastructure/excuse-cases.projection';
import { AbsenceParties } from './absence-parties';
import {
  absencePath,
  excuseCasesQuery,
  precinctPath,
  type AbsencePath,
  type ExcuseCasesQuery,
} from './excuse-case.requests';

/** What an absence stands at, and a commission's cases to decide; each answer is a recorded participation read. */
@Controller('elections/:electionId')
export class AbsencesController {
  constructor(
    private readonly cases: ExcuseCases,
    private readonly parties: AbsenceParties,
    private readonly pages: ExcuseCasesProjection,
    private readonly reads: ParticipationReads,
  ) {}

  /** The absence's status, deadline, basis and cases: for the citizen, their commissions and the CEC. */
  @Get('absences/:personalNumber')
  @Roles('citizen:*', 'commission', 'cec-operator')
  // the precinct is the absence's: AbsenceParties answers another precinct's token with one 403
  @Scoped(Scope.person('params.personalNumber'))
  async absence(
    @Param(new ZodValidationPipe(absencePath)) path: AbsencePath,
    @CurrentPrincipal() principal: Principal,
  ) {
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, [
      'citizen',
      'precinct-commission',
      'district-commission',
      'cec',
    ]);
    const view = party.absence && absenceViewOf(await this.cases.streamOf(party.absence));
    // recorded before the answer leaves, found or not: asking alone says something about the person
    await this.reads.record(principal, party.actor.role, 'absence-status', {
      people: [{ ...path, precinctId: party.absence?.precinctId ?? null, found: view !== undefined }],
    });
    if (!view)
      throw new NotFoundException({
        statusCode: 404,
        error: 'unknown-absence',
        message: 'no absence is recorded for this voter in this election',
        errors: [{ field: 'personalNumber', rule: 'no absence is recorded for this voter and election' }],
      });
    return view;
  }

  /** A precinct's cases and claims awaiting its commission (open), or appeals awaiting the district (appealed). */
  @Get('precincts/:precinctId/excuse-cases')
  @Roles('commission', 'cec-operator')
  @Scoped(Scope.precinct('params.precinctId'))
  async page(
    @Param(new ZodValidationPipe(precinctPath))
    { electionId, precinctId }: { electionId: string; precinctId: string },
    @Query(new ZodValidationPipe(excuseCasesQuery)) query: ExcuseCasesQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const cases = await this.pages.page(electionId, precinctId, query.status, query.after, query.limit);
    await this.reads.record(
      principal,
      principal.roles.includes('commission') ? 'commission' : 'cec-operator',
      'excuse-cases-page',
      {
        range: {
          kind: 'excuse-cases-page',
          electionId,
          precinctId,
          status: query.status,
          limit: query.limit,
          shown: cases.length,
          personalNumbers: cases.map((shown) => shown.personalNumber),
        },
      },
    );
    const last = cases.length === query.limit ? cases[cases.length - 1] : undefined;
    return { cases, next: last ? { after: last.caseId } : null };
  }
}
