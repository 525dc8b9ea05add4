import { Injectable } from '@nestjs/common';
import type { PrecinctLookup } from '@vl/auth';
import type { Request } from 'express';
import { DataSource } from 'typeorm';

/** The precinct whose finalized list holds the voter: its commission issues the voter's absentee certificate. */
@Injectable()
export class VoterHomePrecinct implements PrecinctLookup {
  constructor(private readonly dataSource: DataSource) {}

  async precinctOf(request: Request): Promise<string | undefined> {
    const electionId = request.params['electionId'];
    const personalNumber = (request.body as { personalNumber?: unknown } | undefined)?.personalNumber;
    if (typeof electionId !== 'string' || !/^[0-9a-f-]{36}$/.test(electionId)) return undefined;
    if (typeof personalNumber !== 'string' || !/^[0-9]{14}$/.test(personalNumber)) return undefined;
    const [row] = (await this.dataSource.query(
      'select precinct_id from voter_list_entries where election_id = $1 and personal_number = $2',
      [electionId, personalNumber],
    )) as { precinct_id: string }[];
    return row?.precinct_id;
  }
}
