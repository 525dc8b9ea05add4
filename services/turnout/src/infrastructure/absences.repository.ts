import { Injectable } from '@nestjs/common';
import type { VoterAbsentPayload } from '@vl/contracts';
import { DataSource } from 'typeorm';
import { checkInStreamPrefix } from './stream-id-range';

/** One page of the registered voters, in personal-number order. */
export interface RegisteredPage {
  /** the last registered voter of the page: the next page starts after it (undefined: the roll is done) */
  readonly last: string | undefined;
  /** the page's voters without a standing check-in, with the list that held them at the close */
  readonly absent: readonly { readonly personalNumber: string; readonly precinctId: string }[];
}

export interface DerivationProgress {
  /** VoterAbsent events appended so far: the absences stream's version */
  readonly derived: number;
  /** the personal number of the last one (pages resume after it) */
  readonly lastPersonalNumber: string | undefined;
}

interface RegisteredRow {
  personal_number: string;
  precinct_id: string;
  participated: boolean;
}

// one stream per election appended in personal-number order: its version is the progress (one index probe), each
// page is one version check and index inserts at the right edge, and a second deriver conflicts instead of racing
export const absencesStreamId = (electionId: string) => `absences-${electionId}`;

/**
 * Registered voters without a standing check-in, page by page (keyset on the personal number), each page one
 * query whatever its size: the roll's and the inclusions' indexes give the page in order, the check-in streams of
 * exactly that page are one range of the log's index, and transfers of the page one range of theirs.
 */
@Injectable()
export class AbsencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async registeredPage(electionId: string, after: string, size: number): Promise<RegisteredPage> {
    const rows: RegisteredRow[] = await this.dataSource.query(
      `with roll as (
         (select personal_number, precinct_id, false as included from electoral_roll
           where election_id = $1 and personal_number > $2 order by personal_number limit $3)
         union all
         (select personal_number, precinct_id, true from polling_day_inclusions
           where election_id = $1 and personal_number > $2 order by personal_number limit $3)
       ), registered as (
         select personal_number,
                min(precinct_id) filter (where included) as included_at,
                min(precinct_id) filter (where not included) as listed_at
           from roll group by personal_number order by personal_number limit $3
       ), bounds as (
         select min(personal_number) as first, max(personal_number) as last from registered
       ), standing as (
         select substr(stream_id, length($4) + 1) as personal_number from (
           select distinct on (stream_id) stream_id, type from events
            where stream_id >= $4 || (select first from bounds) and stream_id <= $4 || (select last from bounds)
              and type in ('VoterCheckedIn', 'CheckInRevoked')
            order by stream_id desc, stream_version desc) latest
          where latest.type = 'VoterCheckedIn'
       ), transfers as (
         select distinct on (personal_number) personal_number, voting_precinct_id from absentee_transfers
          where election_id = $1
            and personal_number >= (select first from bounds) and personal_number <= (select last from bounds)
          order by personal_number, serial desc
       )
       select r.personal_number,
              coalesce(t.voting_precinct_id, r.included_at, r.listed_at) as precinct_id,
              s.personal_number is not null as participated
         from registered r
         left join transfers t on t.personal_number = r.personal_number
         left join standing s on s.personal_number = r.personal_number
        order by r.personal_number`,
      [electionId, after, size, checkInStreamPrefix(electionId)],
    );
    return {
      last: rows.at(-1)?.personal_number,
      absent: rows
        .filter((row) => !row.participated)
        .map((row) => ({ personalNumber: row.personal_number, precinctId: row.precinct_id })),
    };
  }

  async progress(electionId: string): Promise<DerivationProgress> {
    const rows: { stream_version: number; personal_number: VoterAbsentPayload['personalNumber'] }[] =
      await this.dataSource.query(
        `select stream_version, payload->>'personalNumber' as personal_number from events
          where stream_id = $1 order by stream_version desc limit 1`,
        [absencesStreamId(electionId)],
      );
    const [row] = rows;
    return { derived: row?.stream_version ?? 0, lastPersonalNumber: row?.personal_number };
  }

  async electionDateOf(electionId: string): Promise<string | undefined> {
    const rows: { election_date: string }[] = await this.dataSource.query(
      `select to_char(election_date, 'YYYY-MM-DD') as election_date from scheduled_elections where election_id = $1`,
      [electionId],
    );
    return rows[0]?.election_date;
  }
}
