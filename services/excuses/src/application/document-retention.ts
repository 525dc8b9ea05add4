import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { Deadlines } from '@vl/deadlines';
import { EventStore, type LoadedEvent } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import type { AbsenceCaseContext } from '../domain/absence-case';
import { absenceCaseStreamId } from '../domain/absence-case';
import { localDateOf } from '../domain/absence-outcomes';
import { excuseWindowClosesAt, windowClosedFrom } from '../domain/excuse-window';
import { ExcuseDocumentsRepository } from '../infrastructure/excuse-documents.repository';
import { excuseDocumentsExpire } from './document-retention.deadline';
import { electionDateOf } from './absence-stream';
import { ExcusesPolicies } from './excuses-policies';

const DAY_MS = 86_400_000;

/**
 * When a case is decided finally: accepted, or its appeal decided, at that decision; rejected and not appealed,
 * when the appeal period after the rejection ends. Undefined while it can still change.
 */
export function finallyDecidedAt(
  stream: readonly LoadedEvent[],
  caseId: string,
  context: AbsenceCaseContext,
): Date | undefined {
  let decided: { decision: string; at: string } | undefined;
  let appealed = false;
  for (const event of stream) {
    if (event.type === 'ExcuseDecided' && event.payload.caseId === caseId)
      decided = { decision: event.payload.decision, at: event.payload.decidedAt };
    if (event.type === 'ExcuseAppealed' && event.payload.caseId === caseId) appealed = true;
    if (event.type === 'AppealDecided' && event.payload.caseId === caseId)
      return new Date(event.payload.decidedAt);
  }
  if (!decided || appealed) return undefined;
  if (decided.decision === 'accepted') return new Date(decided.at);
  const { timeZone, appealWorkingDays } = context.excuseWindow.content;
  const period = excuseWindowClosesAt(localDateOf(decided.at, timeZone), context.workingDayCalendar.content, {
    ...context.excuseWindow.content,
    workingDays: appealWorkingDays,
  });
  return period.ok ? new Date(windowClosedFrom(period.value.closesAt)) : undefined;
}

/** The document files of a case are kept `documentRetentionDays` (the excuse-window policy) after its final decision. */
export function documentsExpireAt(
  stream: readonly LoadedEvent[],
  caseId: string,
  context: AbsenceCaseContext,
): Date | undefined {
  const final = finallyDecidedAt(stream, caseId, context);
  return final && new Date(final.getTime() + context.excuseWindow.content.documentRetentionDays * DAY_MS);
}

/** Schedules and carries out the deletion of a case's document files after the retention period. */
@Injectable()
export class DocumentRetention {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(ExcusesPolicies) private readonly policies: ExcusesPolicies,
    @Inject(ExcuseDocumentsRepository) private readonly documents: ExcuseDocumentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In the transaction of a decision: each decision that may make its case final schedules the deletion. */
  async scheduleAfter(
    recorded: readonly LoadedEvent[],
    stream: readonly LoadedEvent[],
    context: AbsenceCaseContext,
    tx: EntityManager,
  ): Promise<void> {
    for (const event of recorded) {
      if (event.type !== 'ExcuseDecided' && event.type !== 'AppealDecided') continue;
      const { absenceId, caseId } = event.payload;
      const dueAt = documentsExpireAt(stream, caseId, context);
      if (dueAt)
        await this.deadlines.schedule(tx, {
          kind: excuseDocumentsExpire,
          key: `${caseId}:${event.type}`,
          dueAt,
          payload: { absenceId, caseId },
        });
    }
  }

  /** The deadline fired: deletes the files when the case is final and its retention over; else a later one will. */
  async expire(absenceId: string, caseId: string, tx: EntityManager): Promise<void> {
    const stream = await this.store.loadStream(absenceCaseStreamId(absenceId), tx);
    if (this.retentionOver(stream, caseId)) await this.documents.deleteBytes(tx, caseId, this.clock.now());
  }

  /** When the case's retention period ended, if it has: no file of the case is kept from then on. */
  retentionOver(
    stream: readonly LoadedEvent[],
    caseId: string,
  ): { readonly endedAt: Date; readonly days: number } | undefined {
    const electionDate = electionDateOf(stream);
    if (!electionDate) return undefined;
    const context = this.policies.forAbsenceCase(electionDate);
    const endedAt = documentsExpireAt(stream, caseId, context);
    return endedAt && endedAt.getTime() <= this.clock.now().getTime()
      ? { endedAt, days: context.excuseWindow.content.documentRetentionDays }
      : undefined;
  }
}
