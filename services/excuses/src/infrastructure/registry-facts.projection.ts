import { Injectable } from '@nestjs/common';
import type {
  BorderCrossingRecordedPayload,
  DisasterDeclaredPayload,
  DutyPeriodRecordedPayload,
} from '@vl/contracts';
import type { EntityManager } from 'typeorm';

export interface Projected<TPayload> {
  readonly eventId: string;
  readonly payload: TPayload;
}

/**
 * Writes the registry facts' tables in the transaction of their events. Each insert answers with the rows it
 * added: an event the store already held (the same row submitted again) adds none.
 */
@Injectable()
export class RegistryFactsProjection {
  async crossings(
    tx: EntityManager,
    facts: readonly Projected<BorderCrossingRecordedPayload>[],
  ): Promise<string[]> {
    if (facts.length === 0) return [];
    const rows: { personal_number: string }[] = await tx.query(
      `insert into border_crossings
         (event_id, personal_number, direction, at, crossing_point, recorded_by_subject, recorded_by_role)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
       on conflict (event_id) do nothing
       returning personal_number`,
      [
        facts.map((fact) => fact.eventId),
        facts.map((fact) => fact.payload.personalNumber),
        facts.map((fact) => fact.payload.direction),
        facts.map((fact) => fact.payload.at),
        facts.map((fact) => fact.payload.crossingPoint),
        facts.map((fact) => fact.payload.recordedBy.subject),
        facts.map((fact) => fact.payload.recordedBy.role),
      ],
    );
    return rows.map((row) => row.personal_number);
  }

  async dutyPeriods(
    tx: EntityManager,
    facts: readonly Projected<DutyPeriodRecordedPayload>[],
  ): Promise<string[]> {
    if (facts.length === 0) return [];
    const rows: { personal_number: string }[] = await tx.query(
      `insert into duty_periods
         (event_id, personal_number, category, period_from, period_to, submitted_by_subject, submitted_by_role)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
       on conflict (event_id) do nothing
       returning personal_number`,
      [
        facts.map((fact) => fact.eventId),
        facts.map((fact) => fact.payload.personalNumber),
        facts.map((fact) => fact.payload.category),
        facts.map((fact) => fact.payload.from),
        facts.map((fact) => fact.payload.to),
        facts.map((fact) => fact.payload.submittedBy.subject),
        facts.map((fact) => fact.payload.submittedBy.role),
      ],
    );
    return rows.map((row) => row.personal_number);
  }

  /** The declaration's event id under its decision number, if one is recorded. */
  async declarationNumbered(tx: EntityManager, decisionNumber: string): Promise<string | undefined> {
    const rows: { event_id: string }[] = await tx.query(
      'select event_id from disaster_declarations where decision_number = $1',
      [decisionNumber],
    );
    return rows[0]?.event_id;
  }

  /** Whether the declaration was added (false: the store already held it). */
  async disaster(
    tx: EntityManager,
    { eventId, payload }: Projected<DisasterDeclaredPayload>,
  ): Promise<boolean> {
    const added: unknown[] = await tx.query(
      `insert into disaster_declarations
         (event_id, decision_number, period_from, period_to, declared_by_subject, declared_by_role)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (event_id) do nothing
       returning event_id`,
      [
        eventId,
        payload.decisionNumber,
        payload.from,
        payload.to,
        payload.declaredBy.subject,
        payload.declaredBy.role,
      ],
    );
    if (added.length === 0) return false;
    await tx.query(
      `insert into disaster_declaration_precincts (precinct_id, event_id)
       select unnest($1::text[]), $2::uuid`,
      [payload.precincts, eventId],
    );
    return true;
  }
}
