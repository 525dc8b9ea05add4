import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { Roles } from '@vl/auth';
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
  ) {}

  /** The election's integrity alerts and refused duplicate check-ins, by observedAt then precinct. */
  @Get()
  @Roles('cec-operator', 'auditor')
  async list(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @Query(new ZodValidationPipe(alertsQuery)) filter: AlertsQuery,
  ) {
    if (!(await this.elections.find(electionId)))
      throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    return { alerts: await this.alerts.list(electionId, filter) };
  }
}
