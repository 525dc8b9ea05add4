import { Command } from '@nestjs/cqrs';
import type { Actor, PollsOpenedPayload, Result } from '@vl/contracts';
import type { PollsRejection } from '../../domain/polls';

export type PollsCommandRejection =
  PollsRejection | { readonly code: 'unknown-election' | 'unknown-precinct'; readonly message: string };

export class OpenPollsCommand extends Command<Result<PollsOpenedPayload, PollsCommandRejection>> {
  constructor(
    readonly electionId: string,
    readonly precinctId: string,
    readonly openedBy: Actor,
  ) {
    super();
  }
}
