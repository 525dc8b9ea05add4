import { Command } from '@nestjs/cqrs';
import type { CheckInRevokedPayload, Result } from '@vl/contracts';
import type { RevokeCheckIn, RevokerReach, RevokeRejection } from '../../domain/revoke-check-in';

export type RevokeCommandRejection =
  RevokeRejection | { readonly code: 'unknown-election'; readonly message: string };

export class RevokeCheckInCommand extends Command<Result<CheckInRevokedPayload, RevokeCommandRejection>> {
  constructor(
    readonly revocation: RevokeCheckIn,
    /** the check-ins the member's token serves: another precinct's are answered as if there were none */
    readonly reach: RevokerReach,
  ) {
    super();
  }
}
