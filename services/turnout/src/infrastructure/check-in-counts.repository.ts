import { Injectable } from '@nestjs/common';
import type { CheckInMethod } from '@vl/contracts';
import type { EntityManager } from 'typeorm';
import type { MinuteCount } from '../domain/integrity-signals';

export interface CountedCheckIn {
  readonly eventId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly method: CheckInMethod;
  readonly checkedInAt: string;
}

export interface ElectionMinuteCount extends MinuteCount {
  readonly electionId: string;
}

export interface PrecinctRegister {
  readonly electionId: string;
  readonly precinctId: string;
  readonly registered: number;
  readonly checkedIn: number;
}

const QUARTER_MS = 15 * 60_000;
const floorTo = (instant: string, step: number) =>
  new Date(Math.floor(Date.parse(instant) / step) * step).toISOString();

/**
 * A precinct's register for turnout: its finalized list, less the absentee certificates that send its voters
 * elsewhere, plus those sent to it and its polling-day inclusions. `$1` is the election, `p` the precinct.
 */
export const REGISTERED_AT = (precinct: string) => `(
  coalesce((select voter_count from voter_list_finalizations f where f.election_id = $1 and f.precinct_id = ${precinct}), 0)
  - (select count(*) from absentee_transfers t where t.election_id = $1 and t.home_precinct_id = ${precinct})
  + (select count(*) from absentee_transfers t where t.election_id = $1 and t.voting_precinct_id = ${precinct})
  + (select count(*) from polling_day_inclusions i where i.election_id = $1 and i.precinct_id = ${precinct}))::int`;

/** The standing check-ins and their counters: quarter hours by method, and minutes for the rate signal. */
@Injectable()
export class CheckInCountsRepository {
  /** Counts the check-ins not standing yet; returns them and the minutes they changed, before and after. */
  async recordCheckIns(
    tx: EntityManager,
    checkIns: readonly CountedCheckIn[],
  ): Promise<{ fresh: CountedCheckIn[]; minutes: ElectionMinuteCount[] }> {
    if (checkIns.length === 0) return { fresh: [], minutes: [] };
    const inserted: { source_event_id: string }[] = await tx.query(
      `insert into standing_check_ins (election_id, personal_number, precinct_id, method, quarter_at, checked_in_at, source_event_id)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::uuid[])
       on conflict (election_id, personal_number) do nothing
       returning source_event_id`,
      [
        checkIns.map((c) => c.electionId),
        checkIns.map((c) => c.personalNumber),
        checkIns.map((c) => c.precinctId),
        checkIns.map((c) => c.method),
        checkIns.map((c) => floorTo(c.checkedInAt, QUARTER_MS)),
        checkIns.map((c) => c.checkedInAt),
        checkIns.map((c) => c.eventId),
      ],
    );
    const standing = new Set(inserted.map((row) => row.source_event_id));
    const fresh = checkIns.filter((checkIn) => standing.has(checkIn.eventId));
    if (fresh.length === 0) return { fresh, minutes: [] };
    await this.addToQuarters(
      tx,
      fresh.map((c) => ({ ...c, quarterAt: floorTo(c.checkedInAt, QUARTER_MS) })),
      1,
    );
    const byMinute = tally(fresh, (c) => [c.electionId, c.precinctId, floorTo(c.checkedInAt, 60_000)]);
    const rows: { election_id: string; precinct_id: string; minute_at: Date; check_ins: number }[] =
      await tx.query(
        `insert into check_in_minutes (election_id, precinct_id, minute_at, check_ins)
         select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[])
         on conflict (election_id, precinct_id, minute_at) do update set check_ins = check_in_minutes.check_ins + excluded.check_ins
         returning election_id, precinct_id, minute_at, check_ins`,
        columnsOf(byMinute),
      );
    const added = new Map(byMinute.map(([key, count]) => [key.join('|'), count]));
    const minutes = rows.map((row) => {
      const minute = row.minute_at.toISOString();
      const after = Number(row.check_ins);
      const before = after - (added.get([row.election_id, row.precinct_id, minute].join('|')) ?? 0);
      return { electionId: row.election_id, precinctId: row.precinct_id, minute, before, after };
    });
    return { fresh, minutes };
  }

  /** Withdraws the voter's standing check-in from its bucket; a revocation of nothing standing changes nothing. */
  async recordRevocation(tx: EntityManager, electionId: string, personalNumber: string): Promise<void> {
    const removed: { precinct_id: string; method: string; quarter_at: Date }[] = await tx.query(
      // selected from a CTE: TypeORM answers a bare DELETE with a row count beside the rows
      `with removed as (
         delete from standing_check_ins where election_id = $1 and personal_number = $2
         returning precinct_id, method, quarter_at)
       select precinct_id, method, quarter_at from removed`,
      [electionId, personalNumber],
    );
    const row = removed[0];
    if (!row) return;
    await this.addToQuarters(
      tx,
      [
        {
          electionId,
          precinctId: row.precinct_id,
          method: row.method,
          quarterAt: row.quarter_at.toISOString(),
        },
      ],
      -1,
    );
  }

  /** The register and the standing check-ins of the given precincts. */
  async registersOf(
    tx: EntityManager,
    electionId: string,
    precinctIds: readonly string[],
  ): Promise<PrecinctRegister[]> {
    const rows: { precinct_id: string; registered: number; checked_in: number }[] = await tx.query(
      `select p.precinct_id, ${REGISTERED_AT('p.precinct_id')} as registered,
              (select coalesce(sum(check_ins), 0)::int from turnout_counts c
                where c.election_id = $1 and c.precinct_id = p.precinct_id) as checked_in
         from unnest($2::text[]) as p(precinct_id)`,
      [electionId, precinctIds],
    );
    return rows.map((row) => ({
      electionId,
      precinctId: row.precinct_id,
      registered: Number(row.registered),
      checkedIn: Number(row.checked_in),
    }));
  }

  private async addToQuarters(
    tx: EntityManager,
    checkIns: readonly { electionId: string; precinctId: string; method: string; quarterAt: string }[],
    sign: 1 | -1,
  ): Promise<void> {
    const counts = tally(checkIns, (c) => [c.electionId, c.precinctId, c.quarterAt, c.method]);
    const [elections, precincts, quarters, methods, amounts] = columnsOf(counts);
    await tx.query(
      `insert into turnout_counts (election_id, precinct_id, quarter_at, method, check_ins)
       select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::int[])
       on conflict (election_id, precinct_id, quarter_at, method) do update set check_ins = turnout_counts.check_ins + excluded.check_ins`,
      [elections, precincts, quarters, methods, (amounts as number[]).map((amount) => amount * sign)],
    );
  }
}

function tally<T>(items: readonly T[], keyOf: (item: T) => string[]): [string[], number][] {
  const counts = new Map<string, [string[], number]>();
  for (const item of items) {
    const key = keyOf(item);
    const entry = counts.get(key.join('|'));
    if (entry) entry[1] += 1;
    else counts.set(key.join('|'), [key, 1]);
  }
  return [...counts.values()];
}

// unnest takes one array per column
function columnsOf(rows: readonly [string[], number][]): unknown[][] {
  const width = rows[0]?.[0].length ?? 0;
  return [
    ...Array.from({ length: width }, (_, column) => rows.map(([key]) => key[column])),
    rows.map(([, count]) => count),
  ];
}
