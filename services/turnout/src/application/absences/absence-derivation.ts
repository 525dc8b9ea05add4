import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EventStore, StreamVersionConflict } from '@vl/event-store';
import { absencesOf, absencesStreamId } from '../../domain/absences';
import type { Participation } from '../../domain/participation';
import { AbsencesRepository, type RegisteredPage } from '../../infrastructure/absences.repository';
import { ParticipationRepository } from '../../infrastructure/participation.repository';

export interface AbsenceDerivationOptions {
  /** registered voters read per page; each page's absences are one append */
  readonly pageSize: number;
}

export const ABSENCE_DERIVATION_OPTIONS = Symbol('ABSENCE_DERIVATION_OPTIONS');

const DEFAULTS: AbsenceDerivationOptions = { pageSize: 16_000 };

// personal numbers are 14 digits: every one sorts after this
const BEFORE_FIRST_VOTER = '';

/**
 * Derives VoterAbsent for every registered voter without a standing check-in, after ParticipationFinalized: page
 * by page in personal-number order, each page one query and one append, the next page read while this one is
 * appended. Event ids are derived from election and voter, and a page resumes after the last absence in the log,
 * so a crash or a restart (see onApplicationBootstrap) picks up where it stopped and never derives one twice.
 */
@Injectable()
export class AbsenceDerivation implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AbsenceDerivation.name);
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private readonly options: AbsenceDerivationOptions;

  constructor(
    private readonly store: EventStore,
    private readonly absences: AbsencesRepository,
    private readonly participation: ParticipationRepository,
    @Optional() @Inject(ABSENCE_DERIVATION_OPTIONS) options?: AbsenceDerivationOptions,
  ) {
    this.options = options ?? DEFAULTS;
  }

  /** An election finalized before a crash or a deployment and not fully derived goes on from where it was. */
  async onApplicationBootstrap(): Promise<void> {
    for (const finalized of await this.participation.finalizedElections()) {
      if (finalized.status !== 'finalized') continue;
      const { derived } = await this.absences.progress(finalized.electionId);
      if (derived < finalized.absent) this.start(finalized);
    }
  }

  // before the database connections close: the page being appended commits or not, the next one waits for a restart
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  /** Starts deriving in the background unless it is running here already; the status document shows progress. */
  start(finalized: Participation & { readonly status: 'finalized' }): void {
    const { electionId } = finalized;
    if (this.running.has(electionId) || this.stopping) return;
    const run = this.derive(finalized)
      .catch((error: unknown) =>
        this.logger.error(`deriving absences of election ${electionId} stopped; a restart resumes it`, error),
      )
      .finally(() => this.running.delete(electionId));
    this.running.set(electionId, run);
  }

  /** Resolves when this process is not deriving the election (any more). */
  async settled(electionId: string): Promise<void> {
    await this.running.get(electionId);
  }

  private async derive(finalized: Participation & { readonly status: 'finalized' }): Promise<void> {
    const { electionId, absent } = finalized;
    const electionDate = await this.absences.electionDateOf(electionId);
    if (!electionDate)
      throw new Error(`election ${electionId} has no ElectionCalled in turnout's projection`);
    let progress = await this.absences.progress(electionId);
    const from = progress.derived;
    // where the time goes: waiting for a page beyond the append it was read beside, and appending
    const time = { started: performance.now(), waitingForPages: 0, appending: 0 };
    let next = this.page(electionId, progress.lastPersonalNumber ?? BEFORE_FIRST_VOTER);
    while (!this.stopping && progress.derived < absent) {
      const waiting = performance.now();
      const page = await next;
      time.waitingForPages += performance.now() - waiting;
      if (page.last === undefined) break;
      next = this.page(electionId, page.last);
      if (page.absent.length === 0) continue;
      const appending = performance.now();
      try {
        await this.store.append([
          {
            streamId: absencesStreamId(electionId),
            expectedVersion: progress.derived === 0 ? 'no-stream' : progress.derived,
            events: absencesOf({ electionId, electionDate, finalizedAt: finalized.finalizedAt }, page.absent),
          },
        ]);
        progress = { derived: progress.derived + page.absent.length, lastPersonalNumber: page.last };
        time.appending += performance.now() - appending;
      } catch (error) {
        if (!(error instanceof StreamVersionConflict)) throw error;
        // another process derived this page meanwhile: go on after whatever the log holds now
        progress = await this.absences.progress(electionId);
        next = this.page(electionId, progress.lastPersonalNumber ?? BEFORE_FIRST_VOTER);
      }
    }
    await next.catch(() => undefined);
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    this.logger.log(
      `election ${electionId}: ${progress.derived - from} absences derived in ${seconds(performance.now() - time.started)} s ` +
        `(appending ${seconds(time.appending)} s, waiting for pages ${seconds(time.waitingForPages)} s); ${progress.derived}/${absent} in all`,
    );
    if (!this.stopping && progress.derived !== absent) {
      this.logger.error(
        `election ${electionId}: ${progress.derived} absences derived, ParticipationFinalized announced ${absent}`,
      );
    }
  }

  // read ahead: awaited later, so a failure is handled there (or dropped when derivation stops first)
  private page(electionId: string, after: string): Promise<RegisteredPage> {
    const page = this.absences.registeredPage(electionId, after, this.options.pageSize);
    page.catch(() => undefined);
    return page;
  }
}
