import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@vl/auth';
import { CLOCK, type Clock } from '@vl/clock';
import type {
  ParticipationRangeReadPayload,
  ParticipationReader,
  ParticipationReadPayload,
  ParticipationReadPurpose,
} from '@vl/contracts';
import { EventStore, type PendingEvent } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import { retryOnConflict } from '../conflict-policy';

/** One person the answer told about, and where the question was asked. */
export interface PersonRead {
  readonly personalNumber: string;
  readonly electionId: string | null;
  readonly precinctId?: string | null;
  /** whether the answer held data about the person (default true) */
  readonly found?: boolean;
}

export type RangeRead = ParticipationRangeReadPayload['range'];

/** What was read: one or more people, or a range (a poll-book page, a log export). */
export type ReadSubject = { readonly people: readonly PersonRead[] } | { readonly range: RangeRead };

const MAX_SCOPE = 1000;

/** The token's scope claim as presented, for the record; tokens before scoped ones carry none. */
export function scopeClaimOf(principal: Principal): string | null {
  const scope = (principal as { readonly scope?: unknown }).scope;
  if (scope === undefined || scope === null) return null;
  const text = typeof scope === 'string' ? scope : JSON.stringify(scope);
  return text.length > MAX_SCOPE ? `${text.slice(0, MAX_SCOPE - 1)}…` : text;
}

export const participationReadsStreamId = (key: string) => `participation-reads-${key}`;

/**
 * Records in the service's tamper-evident log that someone was told whether, where or when people took part
 * (ARCHITECTURE invariant 7), before the answer leaves: who (subject, role, scope), what for, whom, when (CLOCK).
 * One stream per person, so the citizen's view reads a person's reads in order; a range has a stream of its key.
 */
@Injectable()
export class ParticipationReads {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Appends the read; `tx` puts it in the caller's transaction, so the answer and its record commit together. */
  async record(
    principal: Principal,
    role: string,
    purpose: ParticipationReadPurpose,
    subject: ReadSubject,
    tx?: EntityManager,
  ): Promise<void> {
    const now = this.clock.now();
    const reader: ParticipationReader = { subject: principal.subject, role, scope: scopeClaimOf(principal) };
    const shared = { reader, purpose, readAt: now.toISOString() };
    const appends =
      'range' in subject
        ? [rangeAppend({ ...shared, range: subject.range })]
        : [...new Map(subject.people.map((person) => [person.personalNumber, person])).values()].map(
            (person) =>
              personAppend({
                ...shared,
                personalNumber: person.personalNumber,
                electionId: person.electionId,
                precinctId: person.precinctId ?? null,
                found: person.found ?? true,
              }),
          );
    if (appends.length === 0) return;
    // a person's stream takes any version: two readers of one person at once only retry
    if (tx) await this.store.append(appends, { occurredAt: now }, tx);
    else await retryOnConflict(() => this.store.append(appends, { occurredAt: now }));
  }
}

function personAppend(payload: ParticipationReadPayload) {
  const event: PendingEvent = { type: 'ParticipationRead', payload };
  return {
    streamId: participationReadsStreamId(payload.personalNumber),
    expectedVersion: 'any' as const,
    events: [event],
  };
}

function rangeAppend(payload: ParticipationRangeReadPayload) {
  const { range } = payload;
  const key = range.kind === 'poll-book-page' ? `${range.electionId}-${range.precinctId}` : range.kind;
  const event: PendingEvent = { type: 'ParticipationRangeRead', payload };
  return { streamId: participationReadsStreamId(key), expectedVersion: 'any' as const, events: [event] };
}
