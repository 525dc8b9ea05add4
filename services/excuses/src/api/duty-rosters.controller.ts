import { Body, Controller, ForbiddenException, HttpCode, Post, Req } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import type { Actor } from '@vl/contracts';
import { csvBody, Idempotent, ZodValidationPipe } from '@vl/service-kit';
import type { Request } from 'express';
import { z } from 'zod';
import { dutyCategoryOf, DUTY_ROSTER_SUBMITTERS } from '../application/registry-feeds/duty-period-row';
import { RegistryFeeds } from '../application/registry-feeds/registry-feeds';
import { itemField, MAX_ITEMS_PER_REQUEST, reportOrRefusal } from './feed-answers';

export const dutyRosterRequest = z.strictObject({
  periods: z
    .array(
      z.strictObject({
        personalNumber: itemField('The citizen on duty: 14-digit personal number.'),
        category: itemField(
          "The submitting body's own category (military-remote-service, law-enforcement-on-duty, continuous-cycle-work).",
        ),
        from: itemField('Start: ISO 8601 with its offset or Z; kept in UTC.'),
        to: itemField('End, later than from: ISO 8601 with its offset or Z; kept in UTC.'),
      }),
    )
    .min(1)
    .max(MAX_ITEMS_PER_REQUEST)
    .describe(
      'The roster entries; each is checked on its own, and a bad one is a reject naming its position.',
    ),
});
type DutyRosterRequest = z.output<typeof dutyRosterRequest>;

/**
 * Duty rosters (README "Registry feeds"): the Ministry of Defence, Internal Affairs and continuous-cycle employers
 * each submit their own category. Employers only submit: no endpoint of any service lets them read.
 */
@Controller('registry-feeds/duty-rosters')
export class DutyRostersController {
  constructor(private readonly feeds: RegistryFeeds) {}

  /** Records roster entries sent as JSON; the submitting body is the token's role, never a field. */
  @Post()
  @HttpCode(200)
  @Roles(...DUTY_ROSTER_SUBMITTERS)
  @Scoped(Scope.national())
  @Idempotent()
  async submit(
    @Body(new ZodValidationPipe(dutyRosterRequest)) request: DutyRosterRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.feeds.dutyPeriodsFromJson(request.periods, submittingBody(principal));
  }

  /** Records duty-roster.csv, streamed; the first 1,000 rejects are in the answer. */
  @Post('csv')
  @HttpCode(200)
  @Roles(...DUTY_ROSTER_SUBMITTERS)
  @Scoped(Scope.national())
  @Idempotent()
  async upload(@Req() request: Request, @CurrentPrincipal() principal: Principal) {
    return reportOrRefusal(await this.feeds.dutyPeriodsFromCsv(csvBody(request), submittingBody(principal)));
  }
}

// a roster is one body's: a token that could speak for two would make the category rule ambiguous
function submittingBody(principal: Principal): Actor {
  const bodies = principal.roles.filter((role) => dutyCategoryOf(role) !== undefined);
  const [role] = bodies;
  if (bodies.length !== 1 || role === undefined)
    throw new ForbiddenException({
      statusCode: 403,
      error: 'Forbidden',
      message: 'roles: a duty roster is submitted by one body; the token carries several',
      errors: [{ field: 'roles', rule: 'expected exactly one submitting body among the token roles' }],
    });
  return { subject: principal.subject, role };
}
