import { Inject, Injectable } from '@nestjs/common';
import { ElectionsOnRecord, type ElectionOnRecord } from '@vl/service-composition';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { RegistryView } from '../domain/absence-case';
import { noExemptionFacts, type PollingHours } from '../domain/exemptions';
import { ExemptionFactsRepository } from '../infrastructure/exemption-facts.repository';
import { PrecinctsOnRecord } from '../infrastructure/precincts.repository';
import { RegisteredDisabilitiesRepository } from '../infrastructure/registered-disabilities.repository';

export interface AbsentVoterOfPage {
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
}

/** Thrown when an absence arrives before what it is read against (its election): the batch is tried again. */
export class ElectionNotYetKnown extends Error {
  override readonly name = 'ElectionNotYetKnown';
}

/**
 * What the registries say of a page of absent voters, each read against their precinct's polling hours: the
 * election's hours on its date in the precinct's zone (the election's own zone for a precinct not yet known).
 */
@Injectable()
export class RegistryViews {
  private readonly elections = new Map<string, ElectionOnRecord>();

  constructor(
    @Inject(ElectionsOnRecord) private readonly electionsOnRecord: ElectionsOnRecord,
    @Inject(PrecinctsOnRecord) private readonly precincts: PrecinctsOnRecord,
    @Inject(ExemptionFactsRepository) private readonly facts: ExemptionFactsRepository,
    @Inject(RegisteredDisabilitiesRepository) private readonly disabilities: RegisteredDisabilitiesRepository,
  ) {}

  async election(electionId: string, tx: EntityManager): Promise<ElectionOnRecord> {
    const known = this.elections.get(electionId) ?? (await this.electionsOnRecord.find(electionId, tx));
    if (!known)
      throw new ElectionNotYetKnown(`election ${electionId} is not known to excuses yet (ElectionCalled)`);
    this.elections.set(electionId, known);
    return known;
  }

  /** By personal number; one query per registry for the whole page. */
  async forPage(tx: EntityManager, voters: readonly AbsentVoterOfPage[]): Promise<Map<string, RegistryView>> {
    const views = new Map<string, RegistryView>();
    const precincts = await this.precincts.find([...new Set(voters.map((voter) => voter.precinctId))], tx);
    const byElection = Map.groupBy(voters, (voter) => voter.electionId);
    const disabled = await this.disabilities.recordedFor(tx, [
      ...new Set(voters.map((voter) => voter.personalNumber)),
    ]);
    for (const [electionId, ofElection] of byElection) {
      const election = await this.election(electionId, tx);
      const day = DateTime.fromISO(election.electionDate, { zone: election.timeZone });
      const window = {
        from: day.minus({ days: 1 }).toUTC().toISO() as string,
        to: day.plus({ days: 2 }).toUTC().toISO() as string,
      };
      const facts = await this.facts.factsFor(tx, ofElection, window);
      for (const voter of ofElection) {
        const zone = precincts.get(voter.precinctId)?.timeZone ?? election.timeZone;
        const found = facts.get(voter.personalNumber) ?? noExemptionFacts;
        views.set(voter.personalNumber, {
          facts: {
            ...found,
            registeredDisability: found.registeredDisability || disabled.has(voter.personalNumber),
          },
          hours: pollingHoursOf(election, zone),
        });
      }
    }
    return views;
  }
}

// every absence of a precinct asks for the same hours: computed once per election and zone
const hoursKept = new Map<string, PollingHours>();

export function pollingHoursOf(election: ElectionOnRecord, timeZone: string): PollingHours {
  const key = `${election.electionId} ${timeZone}`;
  let hours = hoursKept.get(key);
  if (!hours) {
    const at = (time: string) =>
      DateTime.fromISO(`${election.electionDate}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
    hours = { opensAt: at(election.pollsOpenAt), closesAt: at(election.pollsCloseAt) };
    hoursKept.set(key, hours);
  }
  return hours;
}
