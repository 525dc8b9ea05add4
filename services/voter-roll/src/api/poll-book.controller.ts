import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { z } from 'zod';
import { PollBookQueries } from '../application/poll-book/poll-book.queries';
import { electionIdField, personalNumberField, precinctIdField } from './request-fields';

const precinctParams = z.strictObject({ electionId: electionIdField(), precinctId: precinctIdField() });
const voterParams = precinctParams.extend({ personalNumber: personalNumberField() });
const pageQuery = z.strictObject({
  after: z
    .string()
    .regex(/^[0-9]{14}$/, 'expected the personal number the previous page ended with (14 digits)')
    .default(''),
  limit: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(500, 'expected at most 500')
    .default(100),
});

/** Poll books read the finalized lists; every read is a ParticipationRead event in the log first. */
@Controller('elections/:electionId/precincts/:precinctId/voters')
export class PollBookController {
  constructor(private readonly pollBook: PollBookQueries) {}

  @Get(':personalNumber')
  @Roles('poll-worker', 'commission')
  @Scoped(Scope.precinct('params.precinctId'))
  async lookUp(
    @Param(new ZodValidationPipe(voterParams)) params: z.infer<typeof voterParams>,
    @CurrentPrincipal() reader: Principal,
  ) {
    const entry = await this.pollBook.lookUp(
      { principal: reader, role: reader.roles.includes('poll-worker') ? 'poll-worker' : 'commission' },
      params.electionId,
      params.precinctId,
      params.personalNumber,
    );
    if (!entry) {
      throw new NotFoundException(
        `the voter is not in the poll book of precinct ${params.precinctId} for this election`,
      );
    }
    return entry;
  }

  @Get()
  @Roles('commission')
  @Scoped(Scope.precinct('params.precinctId'))
  async page(
    @Param(new ZodValidationPipe(precinctParams)) params: z.infer<typeof precinctParams>,
    @Query(new ZodValidationPipe(pageQuery)) query: z.infer<typeof pageQuery>,
    @CurrentPrincipal() reader: Principal,
  ) {
    return this.pollBook.page(
      { principal: reader, role: 'commission' },
      params.electionId,
      params.precinctId,
      query.after,
      query.limit,
    );
  }
}
