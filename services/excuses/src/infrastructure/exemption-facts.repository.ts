import { Injectable } from '@nestjs/common';
import type { DutyCategory } from '@vl/contracts';
import type { EntityManager } from 'typeorm';
import type { BorderCrossingFact, DisasterFact, DutyPeriodFact, ExemptionFacts } from '../domain/exemptions';

export interface VoterOfPage {
  readonly personalNumber: string;
  readonly precinctId: string;
}

/** Instants from and to; the caller passes the polling day ± 1 day. */
export interface FactsWindow {
  readonly from: string;
  readonly to: string;
}

// as the contracts write instants: UTC, milliseconds, Z
const UTC = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * What the registries say of a page of absent voters around a polling day: one query per table for the whole
 * page, never one per voter.
 */
@Injectable()
export class ExemptionFactsRepository {
  async factsFor(
    tx: EntityManager,
    voters: readonly VoterOfPage[],
    window: FactsWindow,
  ): Promise<Map<string, ExemptionFacts>> {
    const personalNumbers = [...new Set(voters.map((voter) => voter.personalNumber))];
    const precinctIds = [...new Set(voters.map((voter) => voter.precinctId))];
    // one after the other: a transaction is one connection
    const crossings = await this.crossings(tx, personalNumbers, window);
    const dutyPeriods = await this.dutyPeriods(tx, personalNumbers, window);
    const disasters = await this.disasters(tx, precinctIds, window);
    const facts = new Map<string, ExemptionFacts>();
    for (const { personalNumber, precinctId } of voters) {
      facts.set(personalNumber, {
        // the disability flag is voter-roll's, in its own table: RegistryViews joins it
        registeredDisability: false,
        borderCrossings: crossings.get(personalNumber) ?? [],
        dutyPeriods: dutyPeriods.get(personalNumber) ?? [],
        disasters: disasters.get(precinctId) ?? [],
      });
    }
    return facts;
  }

  // the latest crossing at or before the window opens tells where the voter was then; the rest are inside it
  private async crossings(
    tx: EntityManager,
    personalNumbers: readonly string[],
    { from, to }: FactsWindow,
  ): Promise<Map<string, BorderCrossingFact[]>> {
    const rows: { personal_number: string; direction: 'exit' | 'entry'; at: string; event_id: string }[] =
      await tx.query(
        `select voter.personal_number, crossing.direction, ${UTC('crossing.at')} as at, crossing.event_id
           from unnest($1::text[]) as voter (personal_number)
           cross join lateral (
             (select direction, at, event_id from border_crossings
               where personal_number = voter.personal_number and at <= $2::timestamptz
               order by at desc, event_id desc limit 1)
             union all
             (select direction, at, event_id from border_crossings
               where personal_number = voter.personal_number and at > $2::timestamptz and at <= $3::timestamptz)
           ) as crossing
          order by voter.personal_number, crossing.at, crossing.event_id`,
        [personalNumbers, from, to],
      );
    return grouped(
      rows,
      (row) => row.personal_number,
      (row) => ({
        direction: row.direction,
        at: row.at,
        reference: row.event_id,
      }),
    );
  }

  private async dutyPeriods(
    tx: EntityManager,
    personalNumbers: readonly string[],
    { from, to }: FactsWindow,
  ): Promise<Map<string, DutyPeriodFact[]>> {
    const rows: {
      personal_number: string;
      category: DutyCategory;
      starts: string;
      ends: string;
      event_id: string;
    }[] = await tx.query(
      `select personal_number, category, ${UTC('period_from')} as starts, ${UTC('period_to')} as ends, event_id
           from duty_periods
          where personal_number = any($1::text[]) and period_from < $3::timestamptz and period_to > $2::timestamptz
          order by personal_number, period_from, event_id`,
      [personalNumbers, from, to],
    );
    return grouped(
      rows,
      (row) => row.personal_number,
      (row) => ({
        category: row.category,
        from: row.starts,
        to: row.ends,
        reference: row.event_id,
      }),
    );
  }

  private async disasters(
    tx: EntityManager,
    precinctIds: readonly string[],
    { from, to }: FactsWindow,
  ): Promise<Map<string, DisasterFact[]>> {
    const rows: { precinct_id: string; starts: string; ends: string; decision_number: string }[] =
      await tx.query(
        `select precinct.precinct_id, ${UTC('declaration.period_from')} as starts,
              ${UTC('declaration.period_to')} as ends, declaration.decision_number
         from disaster_declaration_precincts precinct
         join disaster_declarations declaration using (event_id)
        where precinct.precinct_id = any($1::text[])
          and declaration.period_from < $3::timestamptz and declaration.period_to > $2::timestamptz
        order by precinct.precinct_id, declaration.period_from, declaration.decision_number`,
        [precinctIds, from, to],
      );
    return grouped(
      rows,
      (row) => row.precinct_id,
      (row) => ({
        from: row.starts,
        to: row.ends,
        reference: row.decision_number,
      }),
    );
  }
}

function grouped<TRow, TFact>(
  rows: readonly TRow[],
  keyOf: (row: TRow) => string,
  factOf: (row: TRow) => TFact,
): Map<string, TFact[]> {
  const byKey = new Map<string, TFact[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const facts = byKey.get(key);
    if (facts) facts.push(factOf(row));
    else byKey.set(key, [factOf(row)]);
  }
  return byKey;
}
