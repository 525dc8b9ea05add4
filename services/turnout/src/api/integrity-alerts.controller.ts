import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, Scope, Scoped, type Principal } from '@vl/auth';
import { ParticipationReads } from '@vl/ledger';
import { ZodValidationPipe } from '@vl/service-kit';
import { IntegrityAlertsRepository } from '../infrastructure/integrity-alerts.repository';
import { ScheduledElectionsRepository } from '../infrastructure/scheduled-elections.repository';
import { electionPath } from './check-in.requests';
import { alertsQuery, type AlertsQuery } from './turnout.requests';

@Controller('elections/:electionId/integrity-alerts')
export class IntegrityAlertsController {
  constructor(
    private readonly alerts: IntegrityAlertsRepository,
    private readonly elections: ScheduledElectionsRepository,
    private readonly reads: ParticipationReads,
  ) {}

  /** The election's integrity alerts and refused duplicate check-ins, by observedAt then precinct. */
  @Get()
  @Roles('cec-operator', 'auditor')
  @Scoped(Scope.national())
  async list(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @Query(new ZodValidationPipe(alertsQuery)) filter: AlertsQuery,
    @CurrentPrincipal() reader: Principal,
  ) {
    if (!(await this.elections.find(electionId)))
      throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    const alerts = await this.alerts.list(electionId, filter);
    // a duplicate check-in's evidence names the voter, where and when they took part: a read of that person
    const people = alerts.flatMap(({ evidence, precinctId }) =>
      typeof evidence['personalNumber'] === 'string'
        ? [{ personalNumber: evidence['personalNumber'], electionId, precinctId }]
        : [],
    );
    await this.reads.record(
      reader,
      reader.roles.includes('cec-operator') ? 'cec-operator' : 'auditor',
      'integrity-review',
      { people },
    );
    return { alerts };
  }
}
