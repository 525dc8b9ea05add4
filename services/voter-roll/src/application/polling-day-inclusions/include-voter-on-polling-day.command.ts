import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type { UnknownElection } from '../../domain/election';
import type {
  IncludeVoterOnPollingDay,
  PollingDayInclusionRejection,
} from '../../domain/polling-day-inclusion';

export interface IncludedVoter {
  readonly electionId: string;
  readonly precinctId: string;
}

export class IncludeVoterOnPollingDayCommand extends Command<
  Result<IncludedVoter, PollingDayInclusionRejection | UnknownElection>
> {
  constructor(readonly inclusion: IncludeVoterOnPollingDay) {
    super();
  }
}
