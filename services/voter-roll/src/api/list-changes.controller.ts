import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { IssueAbsenteeCertificateCommand } from '../application/absentee-certificates/issue-absentee-certificate.command';
import { IncludeVoterOnPollingDayCommand } from '../application/polling-day-inclusions/include-voter-on-polling-day.command';

import {
  includeVoterRequest,
  issueAbsenteeCertificateRequest,
  type IncludeVoterRequest,
  type IssueAbsenteeCertificateRequest,
} from './list-changes.requests';
import { electionParams, type ElectionParams } from './request-fields';
import { VoterHomePrecinct } from './voter-home-precinct';

// the rejections a commission can fix by sending other input; the rest are conflicts with the lists' state
const UNPROCESSABLE = new Set([
  'not-on-a-list',
  'unknown-voting-precinct',
  'voting-precinct-is-home',
  'voting-precinct-outside-territory',
  'unknown-precinct',
  'precinct-outside-territory',
  'not-in-registry',
  'not-eligible',
]);

/** After finalization, the only two ways a voter list changes (DOMAIN "Voter lists"). */
@Controller('elections/:electionId')
export class ListChangesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('absentee-certificates')
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct(VoterHomePrecinct))
  @Idempotent()
  async issueAbsenteeCertificate(
    @Param(new ZodValidationPipe(electionParams)) { electionId }: ElectionParams,
    @Body(new ZodValidationPipe(issueAbsenteeCertificateRequest)) request: IssueAbsenteeCertificateRequest,
    @CurrentPrincipal() commission: Principal,
  ) {
    return answer(
      await this.commands.execute(
        new IssueAbsenteeCertificateCommand({
          electionId,
          ...request,
          issuedBy: actingAs(commission, 'commission'),
        }),
      ),
    );
  }

  @Post('polling-day-inclusions')
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct('body.precinctId'))
  @Idempotent()
  async includeVoter(
    @Param(new ZodValidationPipe(electionParams)) { electionId }: ElectionParams,
    @Body(new ZodValidationPipe(includeVoterRequest)) request: IncludeVoterRequest,
    @CurrentPrincipal() commission: Principal,
  ) {
    return answer(
      await this.commands.execute(
        new IncludeVoterOnPollingDayCommand({
          electionId,
          ...request,
          includedBy: actingAs(commission, 'commission'),
        }),
      ),
    );
  }
}

function answer<T>(
  outcome: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (outcome.ok) return outcome.value;
  const { code, message } = outcome.error;
  if (code === 'unknown-election') throw new NotFoundException(message);
  if (UNPROCESSABLE.has(code))
    throw new UnprocessableEntityException({ statusCode: 422, error: code, message });
  throw new ConflictException({ statusCode: 409, error: code, message });
}
