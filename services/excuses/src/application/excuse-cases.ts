import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { foldEvents, type Result } from '@vl/contracts';
import { EventStore, type LoadedEvent } from '@vl/event-store';
import { decideInTransaction, retryOnConflict } from '@vl/ledger';
import { DataSource } from 'typeorm';
import {
  absenceCaseDecider,
  absenceCaseStreamId,
  type AbsenceCaseCommand,
  type AbsenceCaseEvent,
  type AbsenceCaseRejection,
} from '../domain/absence-case';
import type { CalendarGap } from '../domain/excuse-window';
import type { AbsenceOnRecord } from '../infrastructure/absences-on-record';
import { AbsencesRepository } from '../infrastructure/absences.repository';
import { ExcuseCasesProjection } from '../infrastructure/excuse-cases.projection';
import { electionDateOf } from './absence-stream';
import { DocumentRetention } from './document-retention';
import { ExcusesPolicies } from './excuses-policies';

export type CaseRejection = AbsenceCaseRejection | CalendarGap;

/** The absence's stream after a command: every event, those this command recorded among them. */
export interface CaseDecided {
  readonly stream: readonly LoadedEvent[];
  readonly recorded: readonly LoadedEvent[];
}

const UNKNOWN_ABSENCE: CaseRejection = {
  code: 'unknown-absence',
  message: 'no absence is recorded for this voter and election',
};

/**
 * Commands a person performs on an absence's case (filing, deciding, appealing, "I did vote"): folded from the
 * stream and decided on the policies in force on the election's date; the page of cases and the deletion of
 * document files are written in the same transaction as the events.
 */
@Injectable()
export class ExcuseCases {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ExcusesPolicies) private readonly policies: ExcusesPolicies,
    @Inject(ExcuseCasesProjection) private readonly projection: ExcuseCasesProjection,
    @Inject(DocumentRetention) private readonly retention: DocumentRetention,
    @Inject(AbsencesRepository) private readonly absences: AbsencesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async decide(
    absence: AbsenceOnRecord,
    command: (now: string) => AbsenceCaseCommand,
  ): Promise<Result<CaseDecided, CaseRejection>> {
    const streamId = absenceCaseStreamId(absence.absenceId);
    return retryOnConflict(() =>
      this.dataSource.transaction(async (tx): Promise<Result<CaseDecided, CaseRejection>> => {
        const history = await this.store.loadStream(streamId, tx);
        const electionDate = electionDateOf(history);
        if (!electionDate) return { ok: false, error: UNKNOWN_ABSENCE };
        const context = this.policies.forAbsenceCase(electionDate);
        const now = this.clock.now();
        const decision = await decideInTransaction(
          tx,
          this.store,
          streamId,
          absenceCaseDecider,
          command(now.toISOString()),
          context,
          { occurredAt: now, correlationId: history[0]?.correlationId },
        );
        if (!decision.ok) return decision;
        const recorded = decision.value as readonly LoadedEvent[];
        const stream = [...history, ...recorded];
        await this.projection.apply(recorded, tx);
        // the absence's outcome (excused, unexcused) is what counts and sanctions' figures read
        const state = foldEvents(absenceCaseDecider, stream as readonly AbsenceCaseEvent[]);
        if (recorded.length > 0 && state.status !== 'none')
          await this.absences.project(tx, [{ state, version: stream.length }]);
        await this.retention.scheduleAfter(recorded, stream, context, tx);
        return { ok: true, value: { stream, recorded } };
      }),
    );
  }

  async streamOf(absence: AbsenceOnRecord): Promise<readonly LoadedEvent[]> {
    return this.store.loadStream(absenceCaseStreamId(absence.absenceId));
  }
}
