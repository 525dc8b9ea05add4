import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// a first request that never answered (its process stopped) is taken over by the retry after this long
const ABANDONED_AFTER_SECONDS = 60;

/** What the table says about a key when a request arrives with it. */
export type IdempotencyClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'answered'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'other-request'; readonly route: string };

/** The idempotent_requests table: one row per key, claimed before the command runs, answered after. */
@Injectable()
export class IdempotentRequestsStore {
  constructor(private readonly dataSource: DataSource) {}

  async claim(key: string, requestHash: string, route: string): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.dataSource.query(
      `insert into idempotent_requests (idempotency_key, request_hash, route) values ($1, $2, $3)
       on conflict (idempotency_key) do update set received_at = now()
         where idempotent_requests.status is null
           and idempotent_requests.request_hash = excluded.request_hash
           and idempotent_requests.received_at < now() - interval '${ABANDONED_AFTER_SECONDS} seconds'
       returning idempotency_key`,
      [key, requestHash, route],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = (await this.dataSource.query(
      'select request_hash, route, status, body from idempotent_requests where idempotency_key = $1',
      [key],
    )) as { request_hash: string; route: string; status: number | null; body: unknown }[];
    // released between the insert and the select: the caller may simply try again
    if (!row) return { kind: 'in-progress' };
    if (row.request_hash !== requestHash) return { kind: 'other-request', route: row.route };
    if (row.status === null) return { kind: 'in-progress' };
    return { kind: 'answered', status: row.status, body: row.body };
  }

  async answer(key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `update idempotent_requests set status = $2, body = $3::jsonb, answered_at = now()
        where idempotency_key = $1`,
      [key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A request that failed before deciding anything leaves its key free for the retry. */
  async release(key: string): Promise<void> {
    await this.dataSource.query(
      'delete from idempotent_requests where idempotency_key = $1 and status is null',
      [key],
    );
  }
}
