import { createHash } from 'node:crypto';
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
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { retryOnConflict } from '../conflict-policy';

/** One person the answer told about, and where the question was asked. */
export interface PersonRead {
  readonly personalNumber: string;
  readonly electionId: string | null;
  readonly precinctId?: string | null;
  /** whether the answer held data about the person (default true) */
  readonly found?: boolean;
  /** the read's event id when the answer can be repeated (readIdOf): a retry is recorded once */
  readonly readId?: string;
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

export const participationReadsStreamId = (readId: string) => `participation-read-${readId}`;

/** A UUID v7 derived from what was answered: the same answer given again (a retried request) is one read. */
export function readIdOf(answer: string): string {
  const bytes = createHash('sha256').update(`participation-read/${answer}`).digest().subarray(0, 16);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Records in the service's tamper-evident log that someone was told whether, where or when people took part
 * (ARCHITECTURE invariant 7), before the answer leaves: who (subject, role, scope), what for, whom, when (CLOCK).
 * Each read is keyed by its person (or range) on the topic, so the citizen's view reads a person's reads in order.
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
              personAppend(
                {
                  ...shared,
                  personalNumber: person.personalNumber,
                  electionId: person.electionId,
                  precinctId: person.precinctId ?? null,
                  found: person.found ?? true,
                },
                person.readId,
              ),
          );
    if (appends.length === 0) return;
    if (tx) await this.store.append(appends, { occurredAt: now }, tx);
    else await retryOnConflict(() => this.store.append(appends, { occurredAt: now }));
  }
}

// each read is a stream of its own: readers of one person at once never contend, and a retried read is a no-op
function personAppend(payload: ParticipationReadPayload, eventId: string = uuidv7()) {
  const event: PendingEvent = { type: 'ParticipationRead', payload, eventId };
  return {
    streamId: participationReadsStreamId(eventId),
    expectedVersion: 'no-stream' as const,
    events: [event],
  };
}

function rangeAppend(payload: ParticipationRangeReadPayload) {
  const eventId = uuidv7();
  const event: PendingEvent = { type: 'ParticipationRangeRead', payload, eventId };
  return {
    streamId: participationReadsStreamId(eventId),
    expectedVersion: 'no-stream' as const,
    events: [event],
  };
}
