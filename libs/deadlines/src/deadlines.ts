import type { EntityManager } from 'typeorm';
import type { DeadlineKind, DeadlineRequest } from './deadline-kind';

/**
 * Schedules deadlines in the caller's transaction, the one that appends the event creating the need: the event and
 * its deadline commit together or not at all.
 */
export class Deadlines {
  /** True when scheduled now; false when this (kind, key) was already scheduled (nothing changes). */
  async schedule<TPayload>(tx: EntityManager, deadline: DeadlineRequest<TPayload>): Promise<boolean> {
    return (await this.scheduleMany(tx, deadline.kind, [deadline])) === 1;
  }

  /** Many deadlines of one kind in one statement (e.g. a window that opens for every absence of a page). */
  async scheduleMany<TPayload>(
    tx: EntityManager,
    kind: DeadlineKind<TPayload>,
    deadlines: readonly Omit<DeadlineRequest<TPayload>, 'kind'>[],
  ): Promise<number> {
    if (deadlines.length === 0) return 0;
    const payloads = deadlines.map((deadline) => {
      const parsed = kind.payload.safeParse(deadline.payload);
      if (!parsed.success)
        throw new Error(
          `deadline ${kind.name} ${deadline.key}: payload breaks its schema: ${parsed.error.message}`,
        );
      return JSON.stringify(parsed.data);
    });
    const rows: unknown[] = await tx.query(
      `insert into deadlines (kind, key, due_at, payload)
       select $1, key, due_at, payload::jsonb
         from unnest($2::text[], $3::timestamptz[], $4::text[]) as d(key, due_at, payload)
       on conflict (kind, key) do nothing
       returning id`,
      [
        kind.name,
        deadlines.map((deadline) => deadline.key),
        deadlines.map((deadline) => deadline.dueAt.toISOString()),
        payloads,
      ],
    );
    return rows.length;
  }
}
