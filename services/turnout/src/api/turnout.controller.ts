import {
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { Roles, Scope, Scoped } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { stringify } from 'csv-stringify/sync';
import type { Observable } from 'rxjs';
import { LiveTurnout } from '../application/turnout-figures/live-turnout';
import { TurnoutFigures } from '../application/turnout-figures/turnout-figures';
import { CEC_PUBLICATION_TIMES } from '../domain/turnout-figures';
import { electionPath } from './check-in.requests';
import { turnoutTerritory } from './turnout-territory';
import { turnoutQuery, type TurnoutQuery } from './turnout.requests';

type ElectionPath = { electionId: string };

@Controller('elections/:electionId/turnout')
export class TurnoutController {
  constructor(
    private readonly figures: TurnoutFigures,
    private readonly live: LiveTurnout,
  ) {}

  /** Turnout of the country, a region, a district or a precinct: totals, by method, cumulative by CEC hour. */
  @Get()
  @Roles('cec-operator', 'auditor', 'commission')
  @Scoped(Scope.territory('query.level and query.code', turnoutTerritory))
  async turnout(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: ElectionPath,
    @Query(new ZodValidationPipe(turnoutQuery)) { level, code }: TurnoutQuery,
  ) {
    const outcome = await this.figures.documentOf(electionId, level, code);
    if (outcome.kind !== 'figures') throw new NotFoundException(outcome.message);
    return outcome.document;
  }

  /** The country's turnout as Server-Sent Events (`turnout`): on connect, then at most once a second when changed. */
  @Sse('live')
  @Roles('cec-operator', 'auditor', 'commission')
  @Scoped(Scope.election())
  async liveTurnout(
    @Param(new ZodValidationPipe(electionPath)) { electionId }: ElectionPath,
  ): Promise<Observable<MessageEvent>> {
    if (!(await this.figures.pollingDayOf(electionId)))
      throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    return this.live.streamOf(electionId);
  }

  /** Open data: one CSV row per precinct with absolute numbers (no percentages to round). */
  @Get('open-data.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Roles('cec-operator', 'auditor', 'commission', 'ministry:*', 'citizen:*')
  @Scoped(Scope.election())
  async openData(@Param(new ZodValidationPipe(electionPath)) { electionId }: ElectionPath): Promise<string> {
    const found = await this.figures.precinctsOf(electionId);
    if (!found) throw new NotFoundException(`election ${electionId} is not known to turnout (yet)`);
    const hours = CEC_PUBLICATION_TIMES.map((time) => `checked_in_by_${time.replace(':', '')}`);
    return stringify(
      found.precincts.map((precinct) => [
        electionId,
        precinct.precinctId,
        precinct.regionCode,
        precinct.regionName,
        precinct.districtCode,
        precinct.districtName,
        precinct.registered,
        precinct.checkedIn,
        precinct.byMethod.station,
        precinct.byMethod['mobile-box'],
        precinct.byMethod.abroad,
        ...precinct.byHour,
        precinct.pollsOpenedAt ?? '',
        precinct.pollsClosedAt ?? '',
      ]),
      {
        header: true,
        columns: [
          'election_id',
          'precinct_id',
          'region_code',
          'region_name',
          'district_code',
          'district_name',
          'registered',
          'checked_in',
          'station',
          'mobile_box',
          'abroad',
          ...hours,
          'polls_opened_at',
          'polls_closed_at',
        ],
      },
    );
  }
}
