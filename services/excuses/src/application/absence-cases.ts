import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeOf, voterAbsent } from '@vl/contracts';
import { CLOCK, type Clock } from '@vl/clock';
import { Deadlines } from '@vl/deadlines';
import { EventStore } from '@vl/event-store';
import { decideInTransaction } from '@vl/ledger';
import type { EntityManager } from 'typeorm';
import { absenceCaseDecider, absenceCaseStreamId } from '../domain/absence-case';
import { windowClosedFrom } from '../domain/excuse-window';
import { excuseWindowCloses } from './excuse-window-closes.deadline';
import { ExcusesPolicies } from './excuses-policies';

/** Thrown when a decision the ledger needs cannot be made: the consumer or the deadline tries again. */
export class AbsenceCaseNotDecided extends Error {
  override readonly name = 'AbsenceCaseNotDecided';
}

/**
 * An absence's case, decided on its own stream in the caller's transaction: the consumer's (VoterAbsent opens the
 * window and schedules its close with it) or the deadline runner's (the window closes).
 */
@Injectable()
export class AbsenceCases {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(ExcusesPolicies) private readonly policies: ExcusesPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async openWindow(absent: EnvelopeOf<typeof voterAbsent>, tx: EntityManager): Promise<void> {
    // the absence is turnout's VoterAbsent: its event id is the same however often it is derived or delivered
    const absenceId = absent.eventId;
    const { electionId, personalNumber, electionDate } = absent.payload;
    const decision = await decideInTransaction(
      tx,
      this.store,
      absenceCaseStreamId(absenceId),
      absenceCaseDecider,
      { type: 'OpenExcuseWindow', absenceId, electionId, personalNumber, electionDate },
      this.policies.forAbsenceCase(electionDate),
      { causationId: absent.eventId, correlationId: absent.correlationId, occurredAt: this.clock.now() },
    );
    // a window that cannot be counted parks this voter's events until a calendar covering it is adopted
    if (!decision.ok) throw new AbsenceCaseNotDecided(decision.error.message);
    for (const opened of decision.value) {
      if (opened.type !== 'ExcuseWindowOpened') continue;
      await this.deadlines.schedule(tx, {
        kind: excuseWindowCloses,
        key: absenceId,
        dueAt: new Date(windowClosedFrom(opened.payload.closesAt)),
        payload: { absenceId },
      });
    }
  }

  async closeWindow(absenceId: string, tx: EntityManager): Promise<void> {
    const streamId = absenceCaseStreamId(absenceId);
    const [first] = await this.store.loadStream(streamId, tx);
    if (first?.type !== 'ExcuseWindowOpened')
      throw new AbsenceCaseNotDecided(`absence ${absenceId} has no excuse window to close`);
    const now = this.clock.now();
    const decision = await decideInTransaction(
      tx,
      this.store,
      streamId,
      absenceCaseDecider,
      { type: 'CloseExcuseWindow', absenceId, now: now.toISOString() },
      this.policies.forAbsenceCase(first.payload.electionDate),
      { correlationId: first.correlationId, causationId: first.eventId, occurredAt: now },
    );
    if (!decision.ok) throw new AbsenceCaseNotDecided(decision.error.message);
  }
}
