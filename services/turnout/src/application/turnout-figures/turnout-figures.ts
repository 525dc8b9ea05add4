import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { pollingDayOf, type PollingDay } from '../../domain/polling-day';
import {
  publicationInstants,
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

  async pollingDayOf(electionId: string): Promise<PollingDay | undefined> {
    const election = await this.elections.find(electionId);
    return election ? pollingDayOf(election) : undefined;
  }

  /** Every precinct of the election with its day's figures; undefined for an election turnout does not know. */
  async precinctsOf(electionId: string): Promise<{ day: PollingDay; precincts: PrecinctDay[] } | undefined> {
    const day = await this.pollingDayOf(electionId);
    if (!day) return undefined;
    const lastHourFrom = DateTime.fromISO(day.closesAt).minus({ hours: 1 }).toUTC().toISO() as string;
    const precincts = await this.figures.precinctsOf(
      electionId,
      publicationInstants(day.electionDate, day.timeZone),
      lastHourFrom,
    );
    return { day, precincts };
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
