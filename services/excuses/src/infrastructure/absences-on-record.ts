import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An absence as the `absences` read model holds it: enough to find its stream and its precinct. */
export interface AbsenceOnRecord {
  readonly absenceId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
}

/** Finds one voter's absence in an election through the `absences` read model (one index look-up). */
@Injectable()
export class AbsencesOnRecord {
  constructor(private readonly dataSource: DataSource) {}

  async find(electionId: string, personalNumber: string): Promise<AbsenceOnRecord | undefined> {
    const [row] = (await this.dataSource.query(
      'select absence_id, precinct_id from absences where election_id = $1 and personal_number = $2 limit 1',
      [electionId, personalNumber],
    )) as { absence_id: string; precinct_id: string }[];
    return row
      ? { absenceId: row.absence_id, electionId, personalNumber, precinctId: row.precinct_id }
      : undefined;
  }
}
