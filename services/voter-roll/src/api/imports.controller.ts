import { BadRequestException, ConflictException, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import type { Result } from '@vl/contracts';
import { csvBody, Idempotent } from '@vl/service-kit';
import type { Request } from 'express';
import { CivilRegistryImport } from '../application/import-civil-registry/civil-registry-import';
import { BoundedRejects } from '../application/import-civil-registry/import-sinks';
import { ImportCommissionMembers } from '../application/import-geography/import-commission-members';
import { ImportPrecincts } from '../application/import-geography/import-precincts';
import type { FileRejected } from '../application/import-report';

// an HTTP answer lists this many rejects; the CLI writes all of them to a file
const REJECTS_IN_ANSWER = 1000;

/** Uploads of the registry's files (small ones; the CLI streams a full civil registry from disk). */
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly precincts: ImportPrecincts,
    private readonly commissionMembers: ImportCommissionMembers,
    private readonly civilRegistry: CivilRegistryImport,
  ) {}

  /** precincts.csv: registers new precincts and re-registers changed ones; answers with the report. */
  @Post('precincts')
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async importPrecincts(@Req() request: Request, @CurrentPrincipal() operator: Principal) {
    return answer(await this.precincts.run(csvBody(request), actingAs(operator, 'cec-operator')));
  }

  /** commission-members.csv: appoints members of registered precincts' commissions. */
  @Post('commission-members')
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async importCommissionMembers(@Req() request: Request, @CurrentPrincipal() operator: Principal) {
    return answer(await this.commissionMembers.run(csvBody(request), actingAs(operator, 'cec-operator')));
  }

  /** civil-registry.csv for small files; the first 1,000 rejects are in the answer. */
  @Post('civil-registry')
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async importCivilRegistry(@Req() request: Request, @CurrentPrincipal() operator: Principal) {
    const rejects = new BoundedRejects(REJECTS_IN_ANSWER);
    const importedBy = actingAs(operator, 'cec-operator');
    const outcome = await this.civilRegistry.run(csvBody(request), { importedBy, rejects });
    if (!outcome.ok) {
      const { error } = outcome;
      if (error.code === 'import-running') throw new ConflictException(error.message);
      return answer({ ok: false, error });
    }
    return { ...outcome.value, rejects: rejects.kept, rejectsOmitted: rejects.omitted };
  }
}

function answer<T>(outcome: Result<T, FileRejected>): T {
  if (outcome.ok) return outcome.value;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `the file was not imported: ${outcome.error.message}`,
    errors: outcome.error.issues.map((issue) => ({ field: issue.column, rule: issue.rule })),
  });
}
