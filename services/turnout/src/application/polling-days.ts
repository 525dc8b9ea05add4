import { Injectable } from '@nestjs/common';
import { lastToClose, pollingDayOf, type PollingDay } from '../domain/polling-day';
import type { ScheduledElection } from '../domain/scheduled-election';
import { PrecinctsRepository } from '../infrastructure/precincts.repository';
import { ScheduledElectionsRepository } from '../infrastructure/scheduled-elections.repository';

// a geography re-import may move a precinct's zone: a known zone is trusted for a minute, not read per check-in
const ZONE_KEPT_MS = 60_000;

/**
 * The polling day of each election turnout knows, at each precinct in the precinct's own zone. ElectionCalled never
 * changes, so a found election is kept; a precinct's zone is kept for a minute (ZONE_KEPT_MS).
 */
@Injectable()
export class PollingDays {
  private readonly known = new Map<string, ScheduledElection>();
  private readonly zones = new Map<string, { readonly zone: string; readonly untilMs: number }>();

  constructor(
    private readonly elections: ScheduledElectionsRepository,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async election(electionId: string): Promise<ScheduledElection | undefined> {
    const cached = this.known.get(electionId);
    if (cached) return cached;
    const election = await this.elections.find(electionId);
    if (election) this.known.set(electionId, election);
    return election;
  }

  /** The election's day in its own zone: what is not a precinct's (messages of the whole election). */
  async of(electionId: string): Promise<PollingDay | undefined> {
    const election = await this.election(electionId);
    return election ? pollingDayOf(election, election.timeZone) : undefined;
  }

  /** The election's day at each precinct asked for; a precinct turnout does not know keeps the election's zone. */
  async atPrecincts(electionId: string, precinctIds: readonly string[]): Promise<Map<string, PollingDay>> {
    const election = await this.election(electionId);
    if (!election) return new Map();
    const zones = await this.zonesOf(precinctIds);
    return new Map(precinctIds.map((id) => [id, pollingDayOf(election, zones.get(id) ?? election.timeZone)]));
  }

  private async zonesOf(precinctIds: readonly string[]): Promise<Map<string, string>> {
    const nowMs = Date.now();
    const found = new Map<string, string>();
    const unknown: string[] = [];
    for (const id of precinctIds) {
      const kept = this.zones.get(id);
      if (kept && kept.untilMs > nowMs) found.set(id, kept.zone);
      else unknown.push(id);
    }
    if (unknown.length === 0) return found;
    for (const [id, zone] of await this.precincts.timeZonesOf(unknown)) {
      found.set(id, zone);
      this.zones.set(id, { zone, untilMs: nowMs + ZONE_KEPT_MS });
    }
    return found;
  }

  async at(electionId: string, precinctId: string): Promise<PollingDay | undefined> {
    return (await this.atPrecincts(electionId, [precinctId])).get(precinctId);
  }

  /** The day of the election's precinct that closes last (abroad, the westernmost): nothing is final before it. */
  async lastToClose(electionId: string): Promise<PollingDay | undefined> {
    const election = await this.election(electionId);
    if (!election) return undefined;
    const zones = await this.precincts.timeZonesOfElection(electionId);
    const days = [election.timeZone, ...zones].map((zone) => pollingDayOf(election, zone));
    return lastToClose(days);
  }
}

export const unknownElection = (electionId: string) => ({
  code: 'unknown-election' as const,
  message: `election ${electionId} is not known to turnout (yet): no ElectionCalled has arrived`,
});
