import { CLOCK, type Clock } from '@vl/clock';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Result } from '@vl/contracts';
import { EventStore } from '@vl/event-store';
import { DataSource, type EntityManager } from 'typeorm';
import { voterListingStreamId, voterListStreamId } from '../../domain/stream-ids';
import { voterListedEvents, voterListFinalized, VoterListRoot } from '../../domain/voter-list';
import { territoryPrefix } from '../../domain/election-territory';
import type { VoterListsRejection } from '../../domain/voter-list-lifecycle';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { currentRegistryRevision } from '../../infrastructure/registry-revision';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { calendarDateIn, ElectionsReader } from '../elections.reader';
import { withElectionListsLock, type ListsBusy } from './election-lists-lock';
import { VoterListsLifecycle } from './voter-lists-lifecycle';

export interface FinalizationReport {
  readonly electionId: string;
  readonly precincts: number;
  readonly voters: number;
  /** whether an interrupted finalization was completed */
  readonly resumed: boolean;
}

const PAGE = 5000;
const PRECINCTS_SIDE_BY_SIDE = 2;

/**
 * Finalizes every precinct's compiled list, one transaction per precinct: VoterListed per voter in pages
 * of 5,000, each opening the voter's own listing stream, then VoterListFinalized with the count and Merkle
 * root, so a precinct is final whole or not at all.
 */
@Injectable()
export class FinalizeVoterLists {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly elections: ElectionsReader,
    private readonly lifecycle: VoterListsLifecycle,
    private readonly lists: VoterListsRepository,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(
    electionId: string,
    finalizedBy: Actor,
  ): Promise<Result<FinalizationReport, VoterListsRejection | ListsBusy>> {
    return withElectionListsLock(this.dataSource, electionId, async () => {
      const election = await this.elections.load(electionId);
      const registryRevision = await currentRegistryRevision(this.dataSource.manager);
      const today = election.status === 'called' ? calendarDateIn(election.timeZone, this.clock.now()) : '';
      const prefix = election.status === 'called' ? territoryPrefix(election.territory) : '';
      const territoryPrecincts = await this.precincts.countStartingWith(prefix);
      const context = { election, today, registryRevision, territoryPrecincts };
      const started = await this.lifecycle.decide(
        { type: 'FinalizeVoterLists', electionId, finalizedBy },
        context,
      );
      if (!started.ok) return started;
      const resumed = started.value.before.stage === 'finalizing';
      await this.lists.setStage(electionId, 'finalizing');
      // a precinct outside the election's territory gets no list, not an empty one
      const open = await this.lists.openPrecincts(electionId, prefix);
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
      const totals = await this.lists.finalizedTotals(electionId);
      const completed = await this.lifecycle.decide(
        { type: 'CompleteFinalization', electionId, ...totals },
        context,
      );
      if (!completed.ok) return completed;
      await this.lists.setStage(electionId, 'finalized');
      return { ok: true, value: { electionId, ...totals, resumed } };
    });
  }

  private async finalizePrecinct(tx: EntityManager, electionId: string, precinctId: string): Promise<void> {
    const root = new VoterListRoot(electionId, precinctId);
    let after = '';
    for (;;) {
      const personalNumbers = await this.lists.draftPage(tx, electionId, precinctId, after, PAGE);
      if (personalNumbers.length === 0) break;
      const entries = personalNumbers.map((personalNumber) => ({ electionId, personalNumber, precinctId }));
      entries.forEach((entry) => root.add(entry));
      // 'no-stream': a voter is listed once per election, and the voter's own stream says so
      await this.store.append(
        voterListedEvents(entries).map((event) => ({
          streamId: voterListingStreamId(electionId, event.payload.personalNumber),
          expectedVersion: 'no-stream' as const,
          events: [event],
        })),
        {},
        tx,
      );
      await this.lists.addListedVoters(tx, electionId, precinctId, personalNumbers);
      after = personalNumbers.at(-1) as string;
      if (personalNumbers.length < PAGE) break;
    }
    const finalized = voterListFinalized(root);
    // 'no-stream': a precinct's list is finalized once, and its own stream says whether it was
    await this.store.append(
      [
        {
          streamId: voterListStreamId(electionId, precinctId),
          expectedVersion: 'no-stream',
          events: [finalized],
        },
      ],
      {},
      tx,
    );
    await this.lists.saveFinalizedList(tx, finalized.payload);
  }
}
