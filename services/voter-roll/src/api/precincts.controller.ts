import { Controller, Get, Query } from '@nestjs/common';
import { Roles, Scope, Scoped } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { z } from 'zod';
import { REGION_CODES } from '../domain/precinct-row';
import { PrecinctsRepository } from '../infrastructure/precincts.repository';

const precinctsQuery = z.strictObject({
  region: z
    .enum(REGION_CODES, { error: `expected a region code: one of ${REGION_CODES.join(', ')}` })
    .optional(),
});

@Controller('precincts')
export class PrecinctsController {
  constructor(private readonly precincts: PrecinctsRepository) {}

  /** The registered precincts, all or of one region; commissions and poll books plan with them. */
  @Get()
  @Roles('commission', 'cec-operator', 'auditor', 'poll-worker')
  @Scoped(Scope.unscoped('the registered precincts are public geography'))
  async list(@Query(new ZodValidationPipe(precinctsQuery)) query: z.infer<typeof precinctsQuery>) {
    return { precincts: await this.precincts.inRegion(query.region) };
  }
}
