import { Injectable } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource, type EntityManager } from 'typeorm';
import { decideFinalization, type VoterListsRejection } from '../../domain/voter-list-lifecycle';
import { voterListedEvents, voterListFinalized, VoterListRoot } from '../../domain/voter-list';
import { currentRegistryRevision } from '../../infrastructure/registry-revision';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { ElectionsReader } from '../elections.reader';
import { withElectionListsLock, type ListsBusy } from './election-lists-lock';

export interface FinalizationReport {
  readonly electionId: string;
  readonly precincts: number;
  readonly voters: number;
  /** whether an interrupted finalization was completed */
  readonly resumed: boolean;
}

const PAGE = 5000;
const PRECINCTS_SIDE_BY_SIDE = 2;

export const voterListStreamId = (electionId: string, precinctId: string) =>
  `voter-list-${electionId}-${precinctId}`;

/**
 * Finalizes every precinct's compiled list, one transaction per precinct: VoterListed per voter in pages
 * of 5,000, then VoterListFinalized with the count and Merkle root, so a precinct is final whole or not at all.
 */
@Injectable()
export class FinalizeVoterLists {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly lists: VoterListsRepository,
  ) {}

  async run(electionId: string): Promise<Result<FinalizationReport, VoterListsRejection | ListsBusy>> {
    return withElectionListsLock(this.dataSource, electionId, async () => {
      const election = await this.elections.load(electionId);
      const registryRevision = await currentRegistryRevision(this.dataSource.manager);
      const decision = decideFinalization(
        { electionId, registryRevision },
        election,
        await this.lists.stage(electionId),
      );
      if (!decision.ok) return decision;
      await this.lists.setStage(electionId, 'finalizing');
      const open = await this.lists.openPrecincts(electionId);
      // precincts are independent: a few are finalized side by side, each in its own transaction
      const finalizeNext = async (): Promise<void> => {
        for (let precinctId = open.shift(); precinctId !== undefined; precinctId = open.shift()) {
          const id = precinctId;
          await this.dataSource.transaction('READ COMMITTED', (tx) =>
            this.finalizePrecinct(tx, electionId, id),
          );
        }
      };
      const outcomes = await Promise.allSettled(Array.from({ length: PRECINCTS_SIDE_BY_SIDE }, finalizeNext));
      const failed = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      await this.lists.setStage(electionId, 'finalized');
      const totals = await this.lists.finalizedTotals(electionId);
      return { ok: true, value: { electionId, ...totals, resumed: decision.value.resuming } };
    });
  }

  private async finalizePrecinct(tx: EntityManager, electionId: string, precinctId: string): Promise<void> {
    const streamId = voterListStreamId(electionId, precinctId);
    const root = new VoterListRoot(electionId, precinctId);
    let after = '';
    for (;;) {
      const personalNumbers = await this.lists.draftPage(tx, electionId, precinctId, after, PAGE);
      if (personalNumbers.length === 0) break;
      const entries = personalNumbers.map((personalNumber) => ({ electionId, personalNumber, precinctId }));
      entries.forEach((entry) => root.add(entry));
      await this.append(tx, streamId, root.voterCount - entries.length, voterListedEvents(entries));
      await this.lists.addListedVoters(tx, electionId, precinctId, personalNumbers);
      after = personalNumbers.at(-1) as string;
      if (personalNumbers.length < PAGE) break;
    }
    const finalized = voterListFinalized(root);
    await this.append(tx, streamId, root.voterCount, [finalized]);
    await this.lists.saveFinalizedList(tx, finalized.payload);
  }

  private async append(
    tx: EntityManager,
    streamId: string,
    version: number,
    events: Parameters<EventStore['append']>[0][number]['events'],
  ): Promise<void> {
    await this.store.append(
      [{ streamId, expectedVersion: version === 0 ? 'no-stream' : version, events }],
      {},
      tx,
    );
  }
}
