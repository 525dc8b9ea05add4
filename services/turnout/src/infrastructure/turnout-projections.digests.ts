import { Injectable } from '@nestjs/common';
import { digestByCursor, type ProjectionDigest, type ReadModelDigest } from '@vl/ledger';
import { DataSource } from 'typeorm';

// One digest per projection of turnout's own topics; a replay on its own consumer group must match each.

const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column}`;

@Injectable()
abstract class CursorDigest implements ProjectionDigest {
  abstract readonly name: string;
  protected abstract readonly orderedQuery: string;
  constructor(private readonly dataSource: DataSource) {}
  digest(): Promise<ReadModelDigest> {
    return digestByCursor(this.dataSource, this.orderedQuery);
  }
}

@Injectable()
export class StandingCheckInsDigest extends CursorDigest {
  readonly name = 'standing_check_ins';
  protected readonly orderedQuery = `select election_id, personal_number, precinct_id, method, ${iso('quarter_at')}, ${iso('checked_in_at')}, source_event_id
     from standing_check_ins order by election_id, personal_number`;
}

@Injectable()
export class TurnoutCountsDigest extends CursorDigest {
  readonly name = 'turnout_counts';
  protected readonly orderedQuery = `select election_id, precinct_id, ${iso('quarter_at')}, method, check_ins
     from turnout_counts order by election_id, precinct_id, quarter_at, method`;
}

@Injectable()
export class CheckInMinutesDigest extends CursorDigest {
  readonly name = 'check_in_minutes';
  protected readonly orderedQuery = `select election_id, precinct_id, ${iso('minute_at')}, check_ins
     from check_in_minutes order by election_id, precinct_id, minute_at`;
}

@Injectable()
export class PrecinctPollsDigest extends CursorDigest {
  readonly name = 'precinct_polls';
  protected readonly orderedQuery = `select election_id, precinct_id, ${iso('opened_at')}, ${iso('closed_at')}
     from precinct_polls order by election_id, precinct_id`;
}

@Injectable()
export class IntegrityAlertsDigest extends CursorDigest {
  readonly name = 'integrity_alerts';
  protected readonly orderedQuery = `select alert_id, election_id, precinct_id, signal, ${iso('observed_at')}, summary, evidence::text as evidence
     from integrity_alerts order by alert_id`;
}

export const TURNOUT_PROJECTION_DIGESTS = [
  StandingCheckInsDigest,
  TurnoutCountsDigest,
  CheckInMinutesDigest,
  PrecinctPollsDigest,
  IntegrityAlertsDigest,
];
