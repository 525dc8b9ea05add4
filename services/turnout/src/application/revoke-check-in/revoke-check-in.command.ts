import { Command } from '@nestjs/cqrs';
import type { CheckInRevokedPayload, Result } from '@vl/contracts';
import type { RevokeCheckIn, RevokeRejection } from '../../domain/revoke-check-in';

export type RevokeCommandRejection =
  RevokeRejection | { readonly code: 'unknown-election'; readonly message: string };

export class RevokeCheckInCommand extends Command<Result<CheckInRevokedPayload, RevokeCommandRejection>> {
  constructor(readonly revocation: RevokeCheckIn) {
    super();
  }
}
