import { Injectable } from '@nestjs/common';
import { PollingDayEnds } from '@vl/auth';
import { PollingDays } from './polling-days';

// the count and the late syncs of offline poll books follow the close; no poll worker acts later than this
const AFTER_CLOSE_MS = 6 * 3600_000;

/** A poll worker's token ends with its polling day: the official close of the last precinct to close plus six hours. */
@Injectable()
export class PollWorkerTokenEnds extends PollingDayEnds {
  constructor(private readonly pollingDays: PollingDays) {
    super();
  }

  async endOf(electionId: string): Promise<number | undefined> {
    const day = await this.pollingDays.lastToClose(electionId);
    return day ? Date.parse(day.closesAt) + AFTER_CLOSE_MS : undefined;
  }
}
