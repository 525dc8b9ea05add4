// The finalize bench's national-size polling day, written in bulk SQL, and the wait until turnout has taken it in.
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { fmt } from '../support/format';
import { sleep } from '../support/sleep';

export const PRECINCTS = 2500;
const INCLUDED = 10_000;
const REVOKED = 10_000;
const TRANSFERRED = 10_000;
const LOAD_SLICE = 50_000;
const DRAIN_LIMIT_SECONDS = 900;

export interface RollSize {
  readonly voters: number;
  readonly checkedIn: number;
  readonly progress: (line: string) => void;
}

/** What voter-roll's topics and polling day would have left in turnout's tables and log, in bulk SQL. */
export async function loadPollingDay(pool: Pool, electionId: string, size: RollSize): Promise<void> {
  const { voters: VOTERS, checkedIn: CHECKED_IN, progress } = size;
  const timeZone = 'Asia/Bishkek';
  const electionDate = DateTime.now().setZone(timeZone).minus({ days: 2 }).toISODate() as string;
  const at = (time: string) =>
    DateTime.fromISO(`${electionDate}T${time}`, { zone: timeZone }).toUTC().toISO() as string;
  const listed = VOTERS - INCLUDED;
  // voter i: sex digit 2, a birth date in 1950 + i / 100,000 days, serial i mod 100,000; precinct i mod 2,500
  const voterSql = (i: string) =>
    `'2' || to_char(date '1950-01-01' + (${i} / 100000)::int, 'DDMMYYYY') || lpad((${i} % 100000)::text, 5, '0')`;
  const precinctSql = (p: string) =>
    `lpad((1001 + (${p}) / 100)::text, 4, '0') || '-' || lpad(((${p}) % 100 + 1)::text, 3, '0')`;
  // voters {from}..{to} in slices: a long transaction would hold every relay of the cluster back (commit horizon)
  const step = async (
    what: string,
    sql: string,
    params: unknown[] = [],
    voters?: readonly [number, number],
  ) => {
    const started = performance.now();
    let rows = 0;
    const [first, last] = voters ?? [0, 0];
    for (let from = first; from <= last; from += LOAD_SLICE) {
      const to = Math.min(last, from + LOAD_SLICE - 1);
      const result = await pool.query(
        sql.replace('{from}', String(from)).replace('{to}', String(to)),
        params,
      );
      rows += result.rowCount ?? 0;
    }
    progress(`  ${what}: ${fmt(rows)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const source = uuidv7();
  await step(
    'scheduled_elections',
    `insert into scheduled_elections values ($1, 'parliamentary', 'Finalize benchmark', $2, $3, '07:00', '20:00', $4)`,
    [electionId, electionDate, timeZone, source],
  );
  await step(
    'precincts',
    `insert into precincts select ${precinctSql('p')}, '11', 'Bishkek city', lpad((1001 + p / 100)::text, 4, '0'),
            'District', false, 'KG', 'School No. ' || p, $1
       from generate_series(0, ${PRECINCTS - 1}) p`,
    [source],
  );
  await step(
    'voter_list_finalizations',
    `insert into voter_list_finalizations select $1, precinct_id, 0, 'bWVya2xlIHJvb3Q=', $2 from precincts`,
    [electionId, source],
  );
  await step(
    'electoral_roll',
    `insert into electoral_roll select $1, ${voterSql('i')}, ${precinctSql(`i % ${PRECINCTS}`)}, $2
       from generate_series({from}, {to}) i`,
    [electionId, source],
    [0, listed - 1],
  );
  await step(
    'polling_day_inclusions',
    `insert into polling_day_inclusions select $1, ${voterSql('i')}, ${precinctSql(`i % ${PRECINCTS}`)}, 'AR-' || i, $2
       from generate_series(${listed}, ${VOTERS - 1}) i`,
    [electionId, source],
  );
  // standing check-ins: every i with i mod 8 < 3 up to CHECKED_IN; revoked and transferred ones among the others
  const standing = `i % 8 < 3 and i / 8 * 3 + i % 8 < ${CHECKED_IN}`;
  const revoked = `i % 8 = 3 and i / 8 < ${REVOKED}`;
  await step(
    'absentee_transfers',
    `insert into absentee_transfers select $1, ${voterSql('i')}, 'AC-' || lpad(i::text, 7, '0'),
            ${precinctSql(`i % ${PRECINCTS}`)}, ${precinctSql(`(i + 1) % ${PRECINCTS}`)}, $2
       from generate_series({from}, {to}) i where i % 8 = 4 and i / 8 < ${TRANSFERRED}`,
    [electionId, source],
    [0, listed - 1],
  );
  // envelopes require UUID v7 ids: a v4 with its version nibble set passes, as turnout's consumer checks
  const UUID_V7 = `overlay(gen_random_uuid()::text placing '7' from 15 for 1)::uuid`;
  const insertEvents = `insert into events (event_id, stream_id, stream_version, type, schema_version, occurred_at,
                                            recorded_at, correlation_id, causation_id, partition_key, payload)`;
  await step(
    'events: PollsOpened, PollsClosed',
    `${insertEvents}
     select ${UUID_V7}, 'polls-' || $1 || '-' || precinct_id, v, t, 1, now(), now(), ${UUID_V7}, null, $1 || ':' || precinct_id,
            case when v = 1
              then jsonb_build_object('electionId', $1::text, 'precinctId', precinct_id, 'openedAt', $2::text, 'openedBy', 'chair-' || precinct_id)
              else jsonb_build_object('electionId', $1::text, 'precinctId', precinct_id, 'closedAt', $3::text, 'closedBy', 'chair-' || precinct_id) end
       from precincts, (values (1, 'PollsOpened'), (2, 'PollsClosed')) as k(v, t)`,
    [electionId, at('07:00'), at('20:00')],
  );
  const checkedIn = (stream: string) => `
     select ${UUID_V7}, 'check-in-' || $1 || '-' || pn, 1, 'VoterCheckedIn', 1, now(), now(), ${UUID_V7}, null, pn,
            jsonb_build_object('electionId', $1::text, 'personalNumber', pn, 'precinctId', precinct, 'method', 'station',
                               'identification', 'biometric', 'pollWorker', 'pw-' || precinct, 'checkedInAt', $2::text,
                               'device', null)
       from (select ${voterSql('i')} as pn, ${precinctSql(`i % ${PRECINCTS}`)} as precinct
               from generate_series({from}, {to}) i where ${stream}) v`;
  await step(
    'events: standing VoterCheckedIn',
    `${insertEvents} ${checkedIn(standing)}`,
    [electionId, at('12:00')],
    [0, VOTERS - 1],
  );
  await step(
    'events: VoterCheckedIn later revoked',
    `${insertEvents} ${checkedIn(revoked)}`,
    [electionId, at('12:00')],
    [0, VOTERS - 1],
  );
  await step(
    'events: CheckInRevoked',
    `${insertEvents}
     select ${UUID_V7}, 'check-in-' || $1 || '-' || pn, 2, 'CheckInRevoked', 1, now(), now(), ${UUID_V7}, null, pn,
            jsonb_build_object('electionId', $1::text, 'personalNumber', pn, 'precinctId', precinct,
                               'reason', 'identified the wrong voter', 'revokedBy', 'member-' || precinct)
       from (select ${voterSql('i')} as pn, ${precinctSql(`i % ${PRECINCTS}`)} as precinct
               from generate_series({from}, {to}) i where ${revoked}) v`,
    [electionId],
    [0, VOTERS - 1],
  );
  await step('analyze', 'analyze');
}

/** The plans of the figures and of one page of the derivation, on this run's data. */
/**
 * Seconds until the relay has published and the checkpointer has folded every event of the log, and turnout's
 * own consumer has projected the check-ins (as it would have during polling day).
 */
export async function ledgerDrained(pool: Pool, size: RollSize): Promise<number> {
  const { checkedIn: CHECKED_IN, progress } = size;
  const started = performance.now();
  for (let polls = 0; ; polls++) {
    const { rows } = await pool.query(
      `select (select count(*) from events)::int as logged,
              coalesce((select published from relay_positions where relay = 'kafka'), 0)::int as published,
              coalesce((select tree_size from log_tree), 0)::int as folded,
              (select count(*) from standing_check_ins)::int as projected,
              (select count(*) from parked_messages)::int as parked,
              (select min(reason) from parked_messages) as reason`,
    );
    const { logged, published, folded, projected, parked, reason } = rows[0] as {
      logged: number;
      published: number;
      folded: number;
      projected: number;
      parked: number;
      reason: string | null;
    };
    if (parked > 0) throw new Error(`turnout parked ${fmt(parked)} of the bench's events, first: ${reason}`);
    const waited = (performance.now() - started) / 1000;
    if (published >= logged && folded >= logged && projected >= CHECKED_IN) return waited;
    if (waited > DRAIN_LIMIT_SECONDS) {
      progress(
        `  relay still at ${fmt(published)}/${fmt(logged)} after ${DRAIN_LIMIT_SECONDS} s: measuring beside it`,
      );
      return waited;
    }
    if (polls % 20 === 0)
      progress(
        `  relay ${fmt(published)}/${fmt(logged)}, Merkle tree ${fmt(folded)}, check-ins projected ${fmt(projected)}`,
      );
    await sleep(500);
  }
}
