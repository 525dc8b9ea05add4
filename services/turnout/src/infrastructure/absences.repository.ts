import { Injectable } from '@nestjs/common';
import type { VoterAbsentPayload } from '@vl/contracts';
import { DataSource } from 'typeorm';
import { checkInStreamPrefix } from './stream-id-range';
import { absencesStreamId } from '../domain/absences';

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
}

interface PageFactRow {
  personal_number: string;
  /** a transfer's voting precinct; null for a standing check-in */
  voting_precinct_id: string | null;
}

/**
 * Registered voters without a standing check-in, page by page (keyset on the personal number). Two statements a
 * page whatever its size: the roll's and the inclusions' indexes give the page in order; then, with the page's
 * first and last voter as parameters, its check-in streams are one range of the log's index and its transfers one
 * range of theirs. The ranges are parameters rather than values computed inside one statement so that the planner
 * sees them: computed, it guessed a handful of rows and joined 16,000 voters to each check-in one by one.
 * Participation is finalized before a page is read, so no check-in or revocation lands between the two.
 */
@Injectable()
export class AbsencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async registeredPage(electionId: string, after: string, size: number): Promise<RegisteredPage> {
    const registered: RegisteredRow[] = await this.dataSource.query(
      `with roll as (
         (select personal_number, precinct_id, false as included from electoral_roll
           where election_id = $1 and personal_number > $2 order by personal_number limit $3)
         union all
         (select personal_number, precinct_id, true from polling_day_inclusions
           where election_id = $1 and personal_number > $2 order by personal_number limit $3)
       )
       select personal_number,
              coalesce(min(precinct_id) filter (where included), min(precinct_id) filter (where not included))
                as precinct_id
         from roll group by personal_number order by personal_number limit $3`,
      [electionId, after, size],
    );
    const first = registered[0]?.personal_number;
    const last = registered.at(-1)?.personal_number;
    if (first === undefined || last === undefined) return { last: undefined, absent: [] };
    const prefix = checkInStreamPrefix(electionId);
    const facts: PageFactRow[] = await this.dataSource.query(
      `select substr(stream_id, length($4) + 1) as personal_number, null as voting_precinct_id from (
         select distinct on (stream_id) stream_id, type from events
          where stream_id >= $4 || $2 and stream_id <= $4 || $3
            and type in ('VoterCheckedIn', 'CheckInRevoked')
          order by stream_id desc, stream_version desc) latest
        where latest.type = 'VoterCheckedIn'
       union all
       (select distinct on (personal_number) personal_number, voting_precinct_id from absentee_transfers
         where election_id = $1 and personal_number >= $2 and personal_number <= $3
         order by personal_number, serial desc)`,
      [electionId, first, last, prefix],
    );
    const participated = new Set<string>();
    const transferredTo = new Map<string, string>();
    for (const fact of facts) {
      if (fact.voting_precinct_id === null) participated.add(fact.personal_number);
      else transferredTo.set(fact.personal_number, fact.voting_precinct_id);
    }
    return {
      last,
      absent: registered
        .filter((row) => !participated.has(row.personal_number))
        .map((row) => ({
          personalNumber: row.personal_number,
          precinctId: transferredTo.get(row.personal_number) ?? row.precinct_id,
        })),
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
