import { Inject, Injectable } from '@nestjs/common';
import type { EnvelopeOf, voterAbsent } from '@vl/contracts';
import { CLOCK, type Clock } from '@vl/clock';
import { Deadlines } from '@vl/deadlines';
import { EventStore } from '@vl/event-store';
import { decideManyInTransaction, type StreamCommand, type StreamDecision } from '@vl/ledger';
import type { EntityManager } from 'typeorm';
import {
  absenceCaseDecider,
  absenceCaseStreamId,
  type AbsenceCase,
  type AbsenceCaseCommand,
  type AbsenceCaseContext,
  type AbsenceCaseEvent,
  type AbsenceCaseRejection,
  type RecordedCase,
} from '../domain/absence-case';
import type { CalendarGap } from '../domain/excuse-window';
import { windowClosedFrom } from '../domain/excuse-window';
import { AbsencesRepository } from '../infrastructure/absences.repository';
import { excuseWindowCloses } from './excuse-window-closes.deadline';
import { ExcusesPolicies } from './excuses-policies';
import type { ExemptionFactsRecorded, RecordedFactSubjects } from './exemption-facts-recorded';
import { RegistryViews } from './registry-views';

/** Thrown when a decision the ledger needs cannot be made: the consumer or the deadline tries again. */
export class AbsenceCaseNotDecided extends Error {
  override readonly name = 'AbsenceCaseNotDecided';
}

/** How many absences the window's close decides in one transaction. */
export const CLOSE_PAGE = 2_000;

type Decision = StreamDecision<AbsenceCase, AbsenceCaseEvent, AbsenceCaseRejection | CalendarGap>;

/**
 * Absences decided in pages, each page in the caller's transaction: the consumer's (a batch of VoterAbsent), the
 * deadline runner's (the window's close, one page a firing), a registry feed's (late facts), a commission's (one
 * case). The read model `absences` is written in the same transaction as the events.
 */
@Injectable()
export class AbsenceCases implements ExemptionFactsRecorded {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(ExcusesPolicies) private readonly policies: ExcusesPolicies,
    @Inject(RegistryViews) private readonly registries: RegistryViews,
    @Inject(AbsencesRepository) private readonly absences: AbsencesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** VoterAbsent, a batch at a time: excused at once by a registry, or its window opens (and its close is due). */
  async record(absent: readonly EnvelopeOf<typeof voterAbsent>[], tx: EntityManager): Promise<void> {
    if (absent.length === 0) return;
    const now = this.clock.now().toISOString();
    const views = await this.registries.forPage(
      tx,
      absent.map((event) => event.payload),
    );
    // a batch is mostly one election: its policies are looked up once per election date, not per absence
    const policiesOn = new Map<string, AbsenceCaseContext>();
    const policiesFor = (electionDate: string) => {
      let found = policiesOn.get(electionDate);
      if (!found) policiesOn.set(electionDate, (found = this.policies.forAbsenceCase(electionDate)));
      return found;
    };
    const commands = absent.map(({ eventId, payload }) => ({
      // the absence is turnout's VoterAbsent: its event id is the same however often it is derived or delivered
      streamId: absenceCaseStreamId(eventId),
      command: { type: 'RecordAbsence' as const, absenceId: eventId, ...payload, now },
      causationId: eventId,
      context: {
        ...policiesFor(payload.electionDate),
        registry: views.get(payload.personalNumber),
      },
    }));
    // most of a batch is new: only absences the read model holds have a stream to read
    const known = await this.absences.existing(
      tx,
      absent.map(({ eventId }) => eventId),
    );
    const decisions = await this.decide(
      tx,
      commands,
      now,
      true,
      new Set([...known].map(absenceCaseStreamId)),
    );
    const closes = new Map<string, string>();
    for (const { state } of decisions)
      if (state.status === 'open' && state.window)
        closes.set(state.absence.electionId, state.window.closesAt);
    // one close per election: every absence of an election shares the window of the policies in force on its date;
    // an absence delivered after that close has fired gets a close of its own, due at once
    await this.deadlines.scheduleMany(
      tx,
      excuseWindowCloses,
      [...closes].map(([electionId, closesAt]) => {
        const dueAt = windowClosedFrom(closesAt);
        const late = Date.parse(now) >= Date.parse(dueAt);
        return {
          key: late ? `${electionId} again at ${now}` : electionId,
          dueAt: new Date(late ? now : dueAt),
          payload: { electionId, after: null },
        };
      }),
    );
  }

  /** The window's close, one page of an election's open absences; the next page is due at once. */
  async closePage(electionId: string, after: string | null, tx: EntityManager): Promise<void> {
    const ids = await this.absences.openAfter(tx, electionId, after, CLOSE_PAGE);
    if (ids.length === 0) return;
    const now = this.clock.now().toISOString();
    const electionDate = (await this.registries.election(electionId, tx)).electionDate;
    const context = this.policies.forAbsenceCase(electionDate);
    await this.decide(
      tx,
      ids.map((absenceId) => ({
        streamId: absenceCaseStreamId(absenceId),
        command: { type: 'CloseExcuseWindow' as const, now },
        context,
      })),
      now,
    );
    if (ids.length < CLOSE_PAGE) return;
    const last = ids[ids.length - 1] as string;
    await this.deadlines.schedule(tx, {
      kind: excuseWindowCloses,
      key: `${electionId} after ${last}`,
      dueAt: new Date(now),
      payload: { electionId, after: last },
    });
  }

  /** Registry facts recorded late: every absence of those persons or precincts not yet excused is read again. */
  async reassess(tx: EntityManager, subjects: RecordedFactSubjects): Promise<void> {
    const rows = await this.absences.notExcusedOf(tx, subjects.personalNumbers, subjects.precinctIds);
    if (rows.length === 0) return;
    const now = this.clock.now().toISOString();
    const views = await this.registries.forPage(tx, rows);
    await this.decide(
      tx,
      rows.map((row) => ({
        streamId: absenceCaseStreamId(row.absenceId),
        command: { type: 'ReassessExemption' as const, now },
        context: {
          ...this.policies.forAbsenceCase(row.electionDate),
          registry: views.get(row.personalNumber),
        },
      })),
      now,
    );
  }

  /** One command on one absence (a case, an appeal, a claim): its decision, after the events are appended. */
  async decideOne(
    tx: EntityManager,
    absenceId: string,
    electionDate: string,
    command: AbsenceCaseCommand,
  ): Promise<Decision> {
    const now = this.clock.now().toISOString();
    const [decision] = await this.decide(
      tx,
      [
        {
          streamId: absenceCaseStreamId(absenceId),
          command,
          context: this.policies.forAbsenceCase(electionDate),
        },
      ],
      now,
      false,
    );
    return decision as Decision;
  }

  private async decide(
    tx: EntityManager,
    commands: readonly StreamCommand<AbsenceCaseCommand, AbsenceCaseContext>[],
    now: string,
    throwOnRejection = true,
    existing?: ReadonlySet<string>,
  ): Promise<Decision[]> {
    const decisions = await decideManyInTransaction(
      tx,
      this.store,
      absenceCaseDecider,
      commands,
      { occurredAt: new Date(now) },
      existing,
    );
    const rejected = decisions.find((item) => !item.decision.ok);
    // a window that cannot be counted parks the batch until a calendar covering it is adopted
    if (throwOnRejection && rejected && !rejected.decision.ok)
      throw new AbsenceCaseNotDecided(`${rejected.streamId}: ${rejected.decision.error.message}`);
    const changed = decisions.filter(
      (item): item is Decision & { state: RecordedCase } =>
        item.decision.ok && item.decision.value.length > 0 && item.state.status !== 'none',
    );
    await this.absences.project(tx, changed);
    return decisions;
  }
}
