import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type {
  IncludeVoterOnPollingDay,
  PollingDayInclusionRejection,
} from '../../domain/polling-day-inclusion';
import type { UnknownElection } from '../absentee-certificates/issue-absentee-certificate.command';

export interface IncludedVoter {
  readonly electionId: string;
  readonly precinctId: string;
}

export class IncludeVoterOnPollingDayCommand extends Command<
  Result<IncludedVoter, PollingDayInclusionRejection | UnknownElection>
> {
  constructor(
    readonly inclusion: IncludeVoterOnPollingDay,
    readonly includedBy: string,
  ) {
    super();
  }
}
