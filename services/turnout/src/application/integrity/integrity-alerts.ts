import { Injectable } from '@nestjs/common';
import type { IntegrityAlertRaised } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import { alertsStreamId, type RaisedSignal } from '../../domain/integrity-signals';
import { alertIdOf } from './alert-id';

/** Appends decided signals as IntegrityAlertRaised; an alert already on record is not appended again. */
@Injectable()
export class IntegrityAlerts {
  constructor(private readonly store: EventStore) {}

  /** `causedBy`: the consumed event that tipped the signals, recorded as their causation (absent for a request). */
  async raise(
    electionId: string,
    signals: readonly RaisedSignal[],
    tx?: EntityManager,
    causedBy?: string,
  ): Promise<number> {
    // a batch may decide the same alert more than once (late check-ins of one precinct): the first one stands
    const byId = new Map<string, RaisedSignal>();
    for (const raised of signals) {
      const id = alertIdOf(electionId, raised.precinctId, raised.signal, raised.occurrence);
      if (!byId.has(id)) byId.set(id, raised);
    }
    if (byId.size === 0) return 0;
    // one request per alert: the store answers a request whose ids are all stored as a retry
    const stored = await this.store.append(
      [...byId].map(([eventId, raised]) => {
        const event: IntegrityAlertRaised & { eventId: string } = {
          type: 'IntegrityAlertRaised',
          eventId,
          payload: {
            electionId,
            precinctId: raised.precinctId,
            signal: raised.signal,
            observedAt: raised.observedAt,
            evidence: raised.evidence,
            summary: raised.summary,
          },
        };
        return {
          streamId: alertsStreamId(electionId, raised.precinctId),
          expectedVersion: 'any' as const,
          events: [event],
        };
      }),
      { causationId: causedBy ?? null },
      tx,
    );
    return stored.length;
  }
}
