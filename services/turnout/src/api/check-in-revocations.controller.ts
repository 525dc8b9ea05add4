import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { RevokeCheckInCommand } from '../application/revoke-check-in/revoke-check-in.command';
import { RevokedCheckInPrecinct } from './revoked-check-in-precinct';
import { revokeRequest, voterPath, type RevokeRequest } from './check-in.requests';

@Controller('elections/:electionId/check-ins/:personalNumber/revoke')
export class CheckInRevocationsController {
  constructor(private readonly commands: CommandBus) {}

  /** A precinct commission member withdraws a check-in, saying why; the voter may then be checked in again. */
  @Post()
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct(RevokedCheckInPrecinct))
  @Idempotent()
  async revoke(
    @Param(new ZodValidationPipe(voterPath)) voter: { electionId: string; personalNumber: string },
    @Body(new ZodValidationPipe(revokeRequest)) request: RevokeRequest,
    @CurrentPrincipal() member: Principal,
  ) {
    const outcome = await this.commands.execute(
      new RevokeCheckInCommand({
        ...voter,
        reason: request.reason,
        revokedBy: actingAs(member, 'commission'),
      }),
    );
    if (outcome.ok) {
      const { personalNumber: _voter, ...revoked } = outcome.value;
      return { outcome: 'revoked', ...revoked };
    }
    if (outcome.error.code === 'unknown-election') throw new NotFoundException(outcome.error.message);
    throw new ConflictException(outcome.error.message);
  }
}
