import type { ServiceName } from '@vl/contracts';
import { testDatabaseUrl } from '@vl/testing';
import { Client } from 'pg';

/**
 * How many events each service's log holds that a request could have appended. Events caused by a consumed
 * message (causation_id set) are left out: other suites publish on the same broker while this one runs.
 */
export async function requestAppendedEvents(
  schemas: Readonly<Record<ServiceName, string>>,
): Promise<Record<ServiceName, number>> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const counts: Partial<Record<ServiceName, number>> = {};
    for (const [service, schema] of Object.entries(schemas) as [ServiceName, string][]) {
      const { rows } = await client.query<{ count: number }>(
        `select count(*)::int as count from "${schema}".events where causation_id is null`,
      );
      counts[service] = rows[0]?.count ?? 0;
    }
    return counts as Record<ServiceName, number>;
  } finally {
    await client.end();
  }
}
