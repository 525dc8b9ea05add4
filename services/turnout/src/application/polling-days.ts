import { Injectable } from '@nestjs/common';
import { pollingDayOf, type PollingDay } from '../domain/polling-day';
import { ScheduledElectionsRepository } from '../infrastructure/scheduled-elections.repository';

/** The polling day of each election turnout knows; ElectionCalled never changes, so a found one is kept. */
@Injectable()
export class PollingDays {
  private readonly known = new Map<string, PollingDay>();

  constructor(private readonly elections: ScheduledElectionsRepository) {}

  async of(electionId: string): Promise<PollingDay | undefined> {
    const cached = this.known.get(electionId);
    if (cached) return cached;
    const election = await this.elections.find(electionId);
    if (!election) return undefined;
    const day = pollingDayOf(election);
    this.known.set(electionId, day);
    return day;
  }
}

export const unknownElection = (electionId: string) => ({
  code: 'unknown-election' as const,
  message: `election ${electionId} is not known to turnout (yet): no ElectionCalled has arrived`,
});
