import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { ParticipationReads } from '@vl/ledger';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { RevokeCheckInCommand } from '../application/revoke-check-in/revoke-check-in.command';
import { revokeRequest, voterPath, type RevokeRequest } from './check-in.requests';
import { revokerReach } from './revoker-reach';

@Controller('elections/:electionId/check-ins/:personalNumber/revoke')
export class CheckInRevocationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ParticipationReads,
  ) {}

  /** A precinct commission member withdraws a check-in, saying why; the voter may then be checked in again. */
  @Post()
  @HttpCode(201)
  @Roles('commission')
  // the precinct comes from the voter's check-in: the decider answers "none here" alike for no check-in and
  // another precinct's, where a guard refusing by that precinct would tell where the voter took part
  @Scoped(Scope.election())
  @Idempotent()
  async revoke(
    @Param(new ZodValidationPipe(voterPath)) voter: { electionId: string; personalNumber: string },
    @Body(new ZodValidationPipe(revokeRequest)) request: RevokeRequest,
    @CurrentPrincipal() member: Principal,
  ) {
    const outcome = await this.commands.execute(
      new RevokeCheckInCommand(
        { ...voter, reason: request.reason, revokedBy: actingAs(member, 'commission') },
        revokerReach(member, voter.electionId),
      ),
    );
    // revoked, or (a national reach) not checked in: either tells whether the voter took part
    if (outcome.ok || outcome.error.code === 'not-checked-in')
      await this.reads.record(member, 'commission', 'check-in-revocation', {
        people: [{ ...voter, found: outcome.ok }],
      });
    if (outcome.ok) {
      const { personalNumber: _voter, ...revoked } = outcome.value;
      return { outcome: 'revoked', ...revoked };
    }
    if (outcome.error.code === 'unknown-election') throw new NotFoundException(outcome.error.message);
    if (outcome.error.code === 'not-checked-in-here')
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `scope: ${outcome.error.message}`,
        errors: [{ field: 'scope', rule: outcome.error.message }],
      });
    throw new ConflictException(outcome.error.message);
  }
}
