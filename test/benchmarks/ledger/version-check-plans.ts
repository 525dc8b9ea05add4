import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { fmt } from '../support/format';

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

/**
 * How PostgreSQL runs EventStore's stream-version check on the full log, as the store sent it (statistics
 * as autovacuum left them) and after ANALYZE: the scan node and the execution time for one batch of ids.
 */
export async function versionCheckPlans(
  dataSource: DataSource,
  batchSize: number,
  events: number,
): Promise<string> {
  const sql =
    'select stream_id, max(stream_version)::int as version from events where stream_id = any($1::text[]) group by stream_id';
  const explain = async () => {
    const ids = Array.from({ length: batchSize }, () => `election-${uuidv7()}`);
    const [row] = (await dataSource.query(`explain (analyze, format json) ${sql}`, [ids])) as {
      'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
    }[];
    const plan = row?.['QUERY PLAN'][0];
    const scans: string[] = [];
    const walk = (node: PlanNode) => {
      if (/Scan/.test(node['Node Type'])) scans.push(node['Node Type']);
      node.Plans?.forEach(walk);
    };
    if (plan) walk(plan.Plan);
    return `${scans.join(' + ') || '?'} ${plan?.['Execution Time'].toFixed(1) ?? '?'} ms`;
  };
  const [stats] = (await dataSource.query(
    `select coalesce(last_autoanalyze::text, 'never') as analyzed from pg_stat_user_tables where relname = 'events' and schemaname = current_schema()`,
  )) as { analyzed: string }[];
  const before = await explain();
  await dataSource.query('analyze events');
  const after = await explain();
  return `version check for ${fmt(batchSize)} new streams on ${fmt(events)} events (autoanalyzed: ${stats?.analyzed ?? '?'}): ${before}; after ANALYZE: ${after}`;
}
