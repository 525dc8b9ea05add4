import { Controller, Get, Param, Query } from '@nestjs/common';
import { Roles, Scope, Scoped } from '@vl/auth';
import { uuid } from '@vl/contracts';
import { ZodValidationPipe } from '@vl/service-kit';
import { z } from 'zod';
import {
  AbsenceCountsRepository,
  COUNT_LEVELS,
  type CountLevel,
} from '../infrastructure/absence-counts.repository';

const electionPath = z.strictObject({ electionId: uuid() });
const countsQuery = z.strictObject({
  level: z
    .enum(COUNT_LEVELS)
    .default('country')
    .describe('country, region, district or precinct: one row per unit'),
});

@Controller('elections/:electionId/absence-outcomes')
export class AbsenceOutcomesController {
  constructor(private readonly counts: AbsenceCountsRepository) {}

  /** Open data: absences by outcome and by category, absolute numbers, one row per unit of the level. */
  @Get()
  @Roles('cec-operator', 'auditor', 'commission', 'ministry:*', 'citizen:*')
  @Scoped(Scope.election())
  async outcomes(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: { electionId: string },
    @Query(new ZodValidationPipe(countsQuery)) { level }: { level: CountLevel },
  ) {
    return { electionId, level, units: await this.counts.countsOf(electionId, level) };
  }
}
