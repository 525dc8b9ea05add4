import { Injectable } from '@nestjs/common';
import type { RegisteredDisabilityRecordedPayload } from '@vl/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Who is on the disability registry as voter-roll last said (draft law, valid reason 1): the personal number and
 * the flag, nothing else of the citizen.
 */
@Injectable()
export class RegisteredDisabilitiesRepository {
  // one citizen's flags arrive in order (keyed by personal number): the latest replaces the earlier
  async record(tx: EntityManager, flag: RegisteredDisabilityRecordedPayload, eventId: string): Promise<void> {
    await tx.query(
      `insert into registered_disabilities (personal_number, registered_disability, event_id)
       values ($1, $2, $3)
       on conflict (personal_number) do update
         set registered_disability = excluded.registered_disability, event_id = excluded.event_id`,
      [flag.personalNumber, flag.registeredDisability, eventId],
    );
  }

  /** Those of `personalNumbers` on the registry: one query for a whole page of absent voters. */
  async recordedFor(tx: EntityManager, personalNumbers: readonly string[]): Promise<ReadonlySet<string>> {
    if (personalNumbers.length === 0) return new Set();
    const rows: { personal_number: string }[] = await tx.query(
      `select personal_number from registered_disabilities
        where personal_number = any($1::text[]) and registered_disability`,
      [personalNumbers],
    );
    return new Set(rows.map((row) => row.personal_number));
  }
}
