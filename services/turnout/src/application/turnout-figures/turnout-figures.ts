import { Inject, Injectable } from '@nestjs/common';
import { pollingDayOf, type PollingDay } from '../../domain/polling-day';
import {
  CEC_PUBLICATION_TIMES,
  turnoutDocument,
  type TurnoutDocument,
  type TurnoutLevel,
} from '../../domain/turnout-figures';
import { ScheduledElectionsRepository } from '../../infrastructure/scheduled-elections.repository';
import { TurnoutFiguresRepository, type PrecinctDay } from '../../infrastructure/turnout-figures.repository';
import { CLOCK, type Clock } from '@vl/clock';

export type FiguresOutcome =
  | { readonly kind: 'unknown-election'; readonly message: string }
  | { readonly kind: 'unknown-territory'; readonly message: string }
  | { readonly kind: 'figures'; readonly document: TurnoutDocument };

/** Turnout by territory from the live read model, as of the server's clock. */
@Injectable()
export class TurnoutFigures {
  constructor(
    private readonly elections: ScheduledElectionsRepository,
    private readonly figures: TurnoutFiguresRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The election's day in its own zone; each precinct's hours are in its zone (PrecinctDay.timeZone). */
  async pollingDayOf(electionId: string): Promise<PollingDay | undefined> {
    const election = await this.elections.find(electionId);
    return election ? pollingDayOf(election, election.timeZone) : undefined;
  }

  /**
   * Every precinct of the election with its day's figures, each counted by its own local hours (the CEC's 10:00 is
   * 10:00 in Moscow for a precinct in Moscow); undefined for an election turnout does not know.
   */
  async precinctsOf(electionId: string): Promise<{ day: PollingDay; precincts: PrecinctDay[] } | undefined> {
    const election = await this.elections.find(electionId);
    if (!election) return undefined;
    const precincts = await this.figures.precinctsOf(electionId, {
      electionDate: election.electionDate,
      cutoffs: CEC_PUBLICATION_TIMES,
      closesAt: election.pollsCloseAt,
    });
    return { day: pollingDayOf(election, election.timeZone), precincts };
  }

  async documentOf(
    electionId: string,
    level: TurnoutLevel,
    code: string | undefined,
  ): Promise<FiguresOutcome> {
    const found = await this.precinctsOf(electionId);
    if (!found)
      return { kind: 'unknown-election', message: `election ${electionId} is not known to turnout (yet)` };
    const document = turnoutDocument(
      electionId,
      level,
      code ?? '',
      found.precincts,
      this.clock.now().toISOString(),
    );
    return document
      ? { kind: 'figures', document }
      : {
          kind: 'unknown-territory',
          message: `no precinct of election ${electionId} lies in ${level} ${code}`,
        };
  }
}
