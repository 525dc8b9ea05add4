import { Body, ConflictException, Controller, HttpCode, Post } from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import {
  disasterDeclarationSchema,
  type DisasterDeclaration,
} from '../application/registry-feeds/disaster-declaration';
import { RegistryFeeds } from '../application/registry-feeds/registry-feeds';

/** The CEC's natural-disaster declarations (README "Registry feeds"): a few a year, one per request. */
@Controller('registry-feeds/disaster-declarations')
export class DisasterDeclarationsController {
  constructor(private readonly feeds: RegistryFeeds) {}

  /** Records a declaration whole; the same decision again records nothing, another one under its number is a 409. */
  @Post()
  @HttpCode(200)
  @Roles('cec-operator')
  @Scoped(Scope.national())
  @Idempotent()
  async declare(
    @Body(new ZodValidationPipe(disasterDeclarationSchema)) declaration: DisasterDeclaration,
    @CurrentPrincipal() principal: Principal,
  ) {
    const outcome = await this.feeds.declareDisaster(declaration, actingAs(principal, 'cec-operator'));
    if (outcome.kind === 'numbered-otherwise') {
      const rule = `decision ${declaration.decisionNumber} is already recorded with other precincts or another period: a correction is a new decision with its own number`;
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `decisionNumber: ${rule}`,
        errors: [{ field: 'decisionNumber', rule }],
      });
    }
    return { eventId: outcome.eventId, recorded: outcome.kind === 'recorded' };
  }
}
