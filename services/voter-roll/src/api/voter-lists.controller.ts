import {
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import type { Result } from '@vl/contracts';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import type { ListsBusy } from '../application/voter-lists/election-lists-lock';
import { CompileVoterLists } from '../application/voter-lists/compile-voter-lists';
import { FinalizeVoterLists } from '../application/voter-lists/finalize-voter-lists';
import type { VoterListsRejection } from '../domain/voter-list-lifecycle';

import { electionParams, type ElectionParams } from './request-fields';

/** The CEC compiles the lists from the registry, then finalizes them; both run to the end before answering. */
@Controller('elections/:electionId/voter-lists')
export class VoterListsController {
  constructor(
    private readonly compileLists: CompileVoterLists,
    private readonly finalizeLists: FinalizeVoterLists,
  ) {}

  @Post('compile')
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async compile(
    @Param(new ZodValidationPipe(electionParams)) { electionId }: ElectionParams,
    @CurrentPrincipal() operator: Principal,
  ) {
    return answer(await this.compileLists.run(electionId, actingAs(operator, 'cec-operator')));
  }

  @Post('finalize')
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async finalize(
    @Param(new ZodValidationPipe(electionParams)) { electionId }: ElectionParams,
    @CurrentPrincipal() operator: Principal,
  ) {
    return answer(await this.finalizeLists.run(electionId, actingAs(operator, 'cec-operator')));
  }
}

function answer<T>(outcome: Result<T, VoterListsRejection | ListsBusy>): T {
  if (outcome.ok) return outcome.value;
  const { code, message } = outcome.error;
  if (code === 'unknown-election') throw new NotFoundException(message);
  if (code === 'polling-day-passed') throw new UnprocessableEntityException(message);
  if (code === 'unknown-territory')
    throw new UnprocessableEntityException({
      statusCode: 422,
      error: code,
      message,
      errors: [{ field: 'territory', rule: message }],
    });
  throw new ConflictException(message);
}
