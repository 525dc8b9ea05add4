import { CLOCK, type Clock } from '@vl/clock';
import { Inject, Injectable } from '@nestjs/common';
import { WHOLE_COUNTRY, type Actor, type Result } from '@vl/contracts';
import { DataSource } from 'typeorm';
import type { CitizenRecord } from '../../domain/citizen-row';
import { eligibilityOn, type IneligibilityReason } from '../../domain/eligibility';
import { inTerritory, territoryPrefix } from '../../domain/election-territory';
import type { VoterListsRejection } from '../../domain/voter-list-lifecycle';
import { CitizensRepository } from '../../infrastructure/citizens.repository';
import { PrecinctsRepository } from '../../infrastructure/precincts.repository';
import { currentRegistryRevision } from '../../infrastructure/registry-revision';
import { VoterListsRepository } from '../../infrastructure/voter-lists.repository';
import { calendarDateIn, ElectionsReader } from '../elections.reader';
import { withElectionListsLock, type ListsBusy } from './election-lists-lock';
import { VoterListsLifecycle } from './voter-lists-lifecycle';

export interface CompilationReport {
  readonly electionId: string;
  readonly electionDate: string;
  readonly registryRevision: number;
  readonly citizens: number;
  readonly voters: number;
  /** citizens left off, by reason (one citizen may have several) */
  readonly ineligible: Readonly<Record<IneligibilityReason['code'], number>>;
}

const PAGE = 5000;

/**
 * Compiles the draft list of every precinct in the election's territory from the registry by residence and
 * eligibility on the election date: the registry is read in pages by personal number, one page written while
 * the next is read. The start and
 * the end are events of the election's voter-list stream; the drafts are working state until finalized.
 */
@Injectable()
export class CompileVoterLists {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly elections: ElectionsReader,
    private readonly lifecycle: VoterListsLifecycle,
    private readonly citizens: CitizensRepository,
    private readonly lists: VoterListsRepository,
    private readonly precincts: PrecinctsRepository,
  ) {}

  async run(
    electionId: string,
    compiledBy: Actor,
  ): Promise<Result<CompilationReport, VoterListsRejection | ListsBusy>> {
    return withElectionListsLock(this.dataSource, electionId, async () => {
      const election = await this.elections.load(electionId);
      const today = election.status === 'called' ? calendarDateIn(election.timeZone, this.clock.now()) : '';
      const registryRevision = await currentRegistryRevision(this.dataSource.manager);
      const territory = election.status === 'called' ? election.territory : WHOLE_COUNTRY;
      const territoryPrecincts = await this.precincts.countStartingWith(territoryPrefix(territory));
      const context = { election, today, registryRevision, territoryPrecincts };
      const started = await this.lifecycle.decide(
        { type: 'CompileVoterLists', electionId, compiledBy },
        context,
      );
      if (!started.ok) return started;
      const electionDate = election.status === 'called' ? election.electionDate : '';
      await this.lists.startCompiling(electionId, registryRevision);
      const ineligible = { 'under-18': 0, 'declared-incapable': 0, 'in-custody': 0 };
      let [citizens, voters] = [0, 0];
      let page = await this.citizens.pageAfter('', PAGE);
      while (page.length > 0) {
        const last = (page.at(-1) as CitizenRecord).personalNumber;
        const next = page.length === PAGE ? this.citizens.pageAfter(last, PAGE) : Promise.resolve([]);
        next.catch(() => undefined);
        const drafts: { precinctId: string; personalNumber: string }[] = [];
        for (const citizen of page) {
          // DOMAIN "Voter lists": by place of residence; a local election lists its territory's residents only
          if (!inTerritory(territory, citizen.residencePrecinctId)) continue;
          const eligibility = eligibilityOn(electionDate, citizen);
          if (eligibility.eligible) {
            drafts.push({ precinctId: citizen.residencePrecinctId, personalNumber: citizen.personalNumber });
          } else for (const reason of eligibility.reasons) ineligible[reason.code]++;
        }
        await this.lists.addDrafts(electionId, drafts);
        citizens += page.length;
        voters += drafts.length;
        page = await next;
      }
      const completed = await this.lifecycle.decide(
        { type: 'CompleteCompilation', electionId, registryRevision, citizens, voters },
        context,
      );
      if (!completed.ok) return completed;
      await this.lists.setStage(electionId, 'compiled', voters);
      return {
        ok: true,
        value: { electionId, electionDate, registryRevision, citizens, voters, ineligible },
      };
    });
  }
}
