import { Injectable } from '@nestjs/common';
import { PollingDayEnds } from '@vl/auth';
import { PollingDays } from './polling-days';

// the count and the late syncs of offline poll books follow the close; no poll worker acts later than this
const AFTER_CLOSE_MS = 6 * 3600_000;
// every poll worker's request asks: the answer is kept a minute (a re-imported zone shows within it)
const KEPT_MS = 60_000;

/** A poll worker's token ends with its polling day: the official close of the last precinct to close plus six hours. */
@Injectable()
export class PollWorkerTokenEnds extends PollingDayEnds {
  private readonly kept = new Map<string, { readonly endsAt: number | undefined; readonly until: number }>();

  constructor(private readonly pollingDays: PollingDays) {
    super();
  }

  async endOf(electionId: string): Promise<number | undefined> {
    // how long an answer is kept is a cache's concern, in real time, not the (drill) clock's
    const now = performance.now();
    const kept = this.kept.get(electionId);
    if (kept && kept.until > now && kept.endsAt !== undefined) return kept.endsAt;
    const day = await this.pollingDays.lastToClose(electionId);
    const endsAt = day ? Date.parse(day.closesAt) + AFTER_CLOSE_MS : undefined;
    this.kept.set(electionId, { endsAt, until: now + KEPT_MS });
    return endsAt;
  }
}
