import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A voter as a poll book shows them: who, on which list and how, and whether an absentee certificate moved them. */
export interface PollBookEntry {
  readonly personalNumber: string;
  readonly surname: string;
  readonly givenName: string;
  readonly patronymic: string;
  readonly birthDate: string;
  readonly homePrecinctId: string;
  readonly listedBy: 'finalized-list' | 'polling-day-inclusion';
  readonly absenteeCertificate: { readonly serial: string; readonly votingPrecinctId: string } | null;
  /** where the voter receives a ballot: the voting precinct of a certificate, else the list's precinct */
  readonly votesAt: string;
}

interface EntryRow {
  personal_number: string;
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string;
  precinct_id: string;
  listed_by: PollBookEntry['listedBy'];
  absentee_serial: string | null;
  voting_precinct_id: string | null;
}

const ENTRY_COLUMNS = `e.personal_number, c.surname, c.given_name, c.patronymic, to_char(c.birth_date, 'YYYY-MM-DD') as birth_date,
  e.precinct_id, e.listed_by, e.absentee_serial, e.voting_precinct_id`;

/** Reads of the finalized lists as poll books need them; the caller records each read in the access log. */
@Injectable()
export class PollBookRepository {
  /** The voter if the precinct's poll book has them: on its list, or coming with a certificate for it. */
  async find(
    tx: Queryable,
    electionId: string,
    precinctId: string,
    personalNumber: string,
  ): Promise<PollBookEntry | null> {
    const [row] = (await tx.query(
      `select ${ENTRY_COLUMNS} from voter_list_entries e join citizens c using (personal_number)
        where e.election_id = $1 and e.personal_number = $3 and (e.precinct_id = $2 or e.voting_precinct_id = $2)`,
      [electionId, precinctId, personalNumber],
    )) as EntryRow[];
    return row ? entryOf(row) : null;
  }

  /** The precinct's list in personal-number order after `after`: its own voters and those included there. */
  async page(
    tx: Queryable,
    electionId: string,
    precinctId: string,
    after: string,
    limit: number,
  ): Promise<PollBookEntry[]> {
    const rows: EntryRow[] = await tx.query(
      `select ${ENTRY_COLUMNS} from voter_list_entries e join citizens c using (personal_number)
        where e.election_id = $1 and e.precinct_id = $2 and e.personal_number > $3
        order by e.personal_number limit $4`,
      [electionId, precinctId, after, limit],
    );
    return rows.map(entryOf);
  }
}

function entryOf(row: EntryRow): PollBookEntry {
  const absenteeCertificate =
    row.absentee_serial !== null && row.voting_precinct_id !== null
      ? { serial: row.absentee_serial, votingPrecinctId: row.voting_precinct_id }
      : null;
  return {
    personalNumber: row.personal_number,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    homePrecinctId: row.precinct_id,
    listedBy: row.listed_by,
    absenteeCertificate,
    votesAt: absenteeCertificate?.votingPrecinctId ?? row.precinct_id,
  };
}
