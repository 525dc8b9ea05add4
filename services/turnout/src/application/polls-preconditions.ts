import { Injectable } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import type { PollingDay } from '../domain/polling-day';
import { PrecinctsRepository } from '../infrastructure/precincts.repository';
import type { PollsCommandRejection } from './open-polls/open-polls.command';
import { PollingDays, unknownElection } from './polling-days';

/** Polls open and close only for an election and a precinct that voter-roll has announced. */
@Injectable()
export class PollsPreconditions {
  constructor(
    private readonly pollingDays: PollingDays,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async pollingDayAt(
    electionId: string,
    precinctId: string,
  ): Promise<Result<PollingDay, PollsCommandRejection>> {
    if (!(await this.pollingDays.election(electionId)))
      return { ok: false, error: unknownElection(electionId) };
    if (!(await this.precincts.find(precinctId))) {
      return {
        ok: false,
        error: {
          code: 'unknown-precinct',
          message: `precinct ${precinctId} is not known to turnout (yet): no PrecinctRegistered has arrived`,
        },
      };
    }
    // the precinct's own hours: a precinct in Moscow opens at 07:00 Moscow time
    const day = await this.pollingDays.at(electionId, precinctId);
    return day ? { ok: true, value: day } : { ok: false, error: unknownElection(electionId) };
  }
}
