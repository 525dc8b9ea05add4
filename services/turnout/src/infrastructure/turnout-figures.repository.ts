import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PrecinctTurnout } from '../domain/turnout-figures';
import { REGISTERED_AT } from './check-in-counts.repository';

interface Row {
  precinct_id: string;
  region_code: string;
  region_name: string;
  district_code: string;
  district_name: string;
  time_zone: string;
  registered: number;
  checked_in: number;
  station: number;
  mobile_box: number;
  abroad: number;
  by_hour: number[];
  inclusions: number;
  last_hour: number;
  opened_at: string | null;
  closed_at: string | null;
}

export interface PrecinctDay extends PrecinctTurnout {
  /** the zone of the precinct's polling hours */
  readonly timeZone: string;
  readonly inclusions: number;
  readonly lastHour: number;
  readonly pollsOpenedAt: string | null;
  readonly pollsClosedAt: string | null;
}

/**
 * Every precinct of an election with a register or check-ins, summed from the quarter-hour counters: a few rows
 * per precinct and quarter, so the whole country is one query of a few hundred thousand counter rows at most.
 */
@Injectable()
export class TurnoutFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `hours.cutoffs`: the local times of the cumulative hours; `hours.closesAt`: the official close, whose last hour
   * is counted apart. Both are the precinct's wall clock on the election's date: a quarter hour counts by the
   * precinct's local hour.
   */
  async precinctsOf(
    electionId: string,
    hours: { readonly electionDate: string; readonly cutoffs: readonly string[]; readonly closesAt: string },
  ): Promise<PrecinctDay[]> {
    const rows: Row[] = await this.dataSource.query(
      `with local_hours as (
         select p.precinct_id,
                array(select ($4::date + t::time) at time zone p.time_zone from unnest($2::text[]) t) as cutoffs,
                ($4::date + $3::time) at time zone p.time_zone - interval '1 hour' as last_hour_from
           from precincts p),
       counted as (
         select c.precinct_id, sum(check_ins)::int as checked_in,
                coalesce(sum(check_ins) filter (where method = 'station'), 0)::int as station,
                coalesce(sum(check_ins) filter (where method = 'mobile-box'), 0)::int as mobile_box,
                coalesce(sum(check_ins) filter (where method = 'abroad'), 0)::int as abroad,
                array[${hours.cutoffs
                  .map(
                    (_, index) =>
                      `coalesce(sum(check_ins) filter (where quarter_at < h.cutoffs[${index + 1}]), 0)::int`,
                  )
                  .join(', ')}]::int[] as by_hour,
                coalesce(sum(check_ins) filter (where quarter_at >= h.last_hour_from and quarter_at < h.last_hour_from + interval '1 hour'), 0)::int as last_hour
           from turnout_counts c join local_hours h on h.precinct_id = c.precinct_id
          where election_id = $1 group by c.precinct_id, h.cutoffs, h.last_hour_from),
       listed as (
         select precinct_id from voter_list_finalizations where election_id = $1
         union select voting_precinct_id from absentee_transfers where election_id = $1
         union select precinct_id from polling_day_inclusions where election_id = $1
         union select precinct_id from counted)
       select l.precinct_id, p.region_code, p.region_name, p.district_code, p.district_name, p.time_zone,
              ${REGISTERED_AT('l.precinct_id')} as registered,
              coalesce(c.checked_in, 0) as checked_in, coalesce(c.station, 0) as station,
              coalesce(c.mobile_box, 0) as mobile_box, coalesce(c.abroad, 0) as abroad,
              coalesce(c.by_hour, array_fill(0, array[cardinality($2::text[])])) as by_hour,
              coalesce(c.last_hour, 0) as last_hour,
              (select count(*)::int from polling_day_inclusions i where i.election_id = $1 and i.precinct_id = l.precinct_id) as inclusions,
              to_char(pp.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as opened_at,
              to_char(pp.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as closed_at
         from listed l
         join precincts p on p.precinct_id = l.precinct_id
         left join counted c on c.precinct_id = l.precinct_id
         left join precinct_polls pp on pp.election_id = $1 and pp.precinct_id = l.precinct_id
        order by l.precinct_id`,
      [electionId, hours.cutoffs, hours.closesAt, hours.electionDate],
    );
    return rows.map((row) => ({
      precinctId: row.precinct_id,
      regionCode: row.region_code,
      regionName: row.region_name,
      districtCode: row.district_code,
      districtName: row.district_name,
      timeZone: row.time_zone,
      registered: Number(row.registered),
      checkedIn: Number(row.checked_in),
      byMethod: {
        station: Number(row.station),
        'mobile-box': Number(row.mobile_box),
        abroad: Number(row.abroad),
      },
      byHour: row.by_hour.map(Number),
      inclusions: Number(row.inclusions),
      lastHour: Number(row.last_hour),
      pollsOpenedAt: row.opened_at,
      pollsClosedAt: row.closed_at,
    }));
  }
}
