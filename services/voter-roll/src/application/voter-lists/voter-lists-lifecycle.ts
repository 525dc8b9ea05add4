import { Injectable } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { retryOnConflict } from '@vl/ledger';
import { DataSource } from 'typeorm';
import { voterListsStreamId } from '../../domain/stream-ids';
import {
  voterListsDecider,
  type VoterListsCommand,
  type VoterListsContext,
  type VoterListsEvent,
  type VoterListsRejection,
  type VoterListsStage,
} from '../../domain/voter-list-lifecycle';
import { expectedAt, loadAggregate } from '../aggregate-state';

/** What a lifecycle decision recorded, and the stage it was decided on. */
export interface LifecycleStep {
  readonly before: VoterListsStage;
  readonly events: readonly VoterListsEvent[];
}

/** Decides a step of an election's voter-list lifecycle on its own stream and appends it at that version. */
@Injectable()
export class VoterListsLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  decide(
    command: VoterListsCommand,
    context: VoterListsContext,
  ): Promise<Result<LifecycleStep, VoterListsRejection>> {
    return retryOnConflict(() =>
      this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const streamId = voterListsStreamId(command.electionId);
        const lists = await loadAggregate(this.store, streamId, voterListsDecider, tx);
        const decision = voterListsDecider.decide(command, lists.state, context);
        if (!decision.ok) return decision;
        await this.store.append(
          [{ streamId, expectedVersion: expectedAt(lists.version), events: decision.value }],
          {},
          tx,
        );
        return { ok: true as const, value: { before: lists.state, events: decision.value } };
      }),
    );
  }
}
