import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import type {
  Actor,
  BorderCrossingRecorded,
  DisasterDeclared,
  DisasterDeclaredPayload,
  DutyPeriodRecorded,
} from '@vl/contracts';
import { EventStore, type AppendRequest } from '@vl/event-store';
import { retryOnConflict } from '@vl/ledger';
import { DataSource, type EntityManager } from 'typeorm';
import { RegistryFactsProjection, type Projected } from '../../infrastructure/registry-facts.projection';
import { EXEMPTION_FACTS_RECORDED, type ExemptionFactsRecorded } from '../exemption-facts-recorded';
import type { BorderCrossing } from './border-crossing-row';
import type { DutyPeriod } from './duty-period-row';
import type { PageWritten } from './feed-pages';
import { factIdOf } from './feed-rows';

type FactEvent = BorderCrossingRecorded | DutyPeriodRecorded | DisasterDeclared;

export type DisasterOutcome =
  | { readonly kind: 'recorded' | 'already-recorded'; readonly eventId: string }
  | { readonly kind: 'numbered-otherwise'; readonly eventId: string };

/**
 * Appends registry facts, one event each, and writes their tables and the re-assessment of the persons or
 * precincts they concern in the same transaction: a page of facts is recorded whole or not at all. A fact's event
 * id is its natural key, so a page submitted again appends nothing.
 */
@Injectable()
export class RegistryFactsWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projection: RegistryFactsProjection,
    @Inject(EXEMPTION_FACTS_RECORDED) private readonly recorded: ExemptionFactsRecorded,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  crossings(submissionId: string, page: readonly BorderCrossing[], recordedBy: Actor): Promise<PageWritten> {
    // the same crossing is one fact whoever at the Border Service sends it
    const facts = distinct(
      page.map((crossing) => ({
        eventId: factIdOf('BorderCrossingRecorded', crossing).eventId,
        payload: { ...crossing, recordedBy },
      })),
    );
    return this.inTransaction(async (tx) => {
      await this.append(tx, submissionId, facts, 'border-crossing', (fact) => ({
        type: 'BorderCrossingRecorded',
        eventId: fact.eventId,
        payload: fact.payload,
      }));
      const added = await this.projection.crossings(tx, facts);
      await this.reassess(tx, added, []);
      return { recorded: added.length, alreadyRecorded: page.length - added.length };
    });
  }

  dutyPeriods(submissionId: string, page: readonly DutyPeriod[], submittedBy: Actor): Promise<PageWritten> {
    // the submitting body is part of the fact: its roster says it, not the person who sent it
    const facts = distinct(
      page.map((period) => ({
        eventId: factIdOf('DutyPeriodRecorded', { ...period, body: submittedBy.role }).eventId,
        payload: { ...period, submittedBy },
      })),
    );
    return this.inTransaction(async (tx) => {
      await this.append(tx, submissionId, facts, 'duty-period', (fact) => ({
        type: 'DutyPeriodRecorded',
        eventId: fact.eventId,
        payload: fact.payload,
      }));
      const added = await this.projection.dutyPeriods(tx, facts);
      await this.reassess(tx, added, []);
      return { recorded: added.length, alreadyRecorded: page.length - added.length };
    });
  }

  /** The CEC's decision number is its own record id: the same decision again is nothing new, another one under it is refused. */
  disaster(submissionId: string, payload: DisasterDeclaredPayload): Promise<DisasterOutcome> {
    const { decisionNumber, from, to } = payload;
    const { eventId } = factIdOf('DisasterDeclared', {
      decisionNumber,
      precincts: [...payload.precincts].sort(),
      from,
      to,
    });
    return this.inTransaction(async (tx): Promise<DisasterOutcome> => {
      const numbered = await this.projection.declarationNumbered(tx, decisionNumber);
      if (numbered === eventId) return { kind: 'already-recorded', eventId };
      if (numbered !== undefined) return { kind: 'numbered-otherwise', eventId: numbered };
      const fact = { eventId, payload };
      await this.append(tx, submissionId, [fact], 'disaster-declaration', () => ({
        type: 'DisasterDeclared',
        eventId,
        payload,
      }));
      const added = await this.projection.disaster(tx, fact);
      if (added) await this.reassess(tx, [], payload.precincts);
      return { kind: added ? 'recorded' : 'already-recorded', eventId };
    });
  }

  // a concurrent submission of the same facts commits first: the page is written again and finds them recorded
  private inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return retryOnConflict(() => this.dataSource.transaction('READ COMMITTED', work));
  }

  // each fact is a stream of its own: nothing is decided over it, and its id alone makes the append idempotent
  private async append<TPayload>(
    tx: EntityManager,
    submissionId: string,
    facts: readonly Projected<TPayload>[],
    streamPrefix: string,
    eventOf: (fact: Projected<TPayload>) => FactEvent & { readonly eventId: string },
  ): Promise<void> {
    const requests: AppendRequest[] = facts.map((fact) => ({
      streamId: `${streamPrefix}-${fact.eventId}`,
      expectedVersion: 'no-stream',
      events: [eventOf(fact)],
    }));
    await this.store.append(requests, { correlationId: submissionId, occurredAt: this.clock.now() }, tx);
  }

  private async reassess(
    tx: EntityManager,
    personalNumbers: readonly string[],
    precinctIds: readonly string[],
  ): Promise<void> {
    if (personalNumbers.length === 0 && precinctIds.length === 0) return;
    await this.recorded.reassess(tx, {
      personalNumbers: [...new Set(personalNumbers)],
      precinctIds: [...new Set(precinctIds)],
    });
  }
}

function distinct<TFact extends { readonly eventId: string }>(facts: readonly TFact[]): TFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => !seen.has(fact.eventId) && seen.add(fact.eventId));
}
