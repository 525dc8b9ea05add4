import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { precinctsScope, type TokenScope } from '@vl/auth';
import { COMMISSION_MEMBERS_CSV } from '@vl/synthetic-country';
import { call, expectStatus, type DrillStack } from './drill-http';
import type { DrillPlan } from './plan-types';

/** The scoped tokens of each precinct's polling station: its commission's chair and its poll worker. */
export interface StationTokens {
  readonly commission: string;
  readonly pollWorker: string;
}

/**
 * As a CEC's identity provider would: each precinct's chair (named by personal number in the imported commission
 * list) registers the station's poll worker and poll book; the poll worker's token carries the scope the
 * appointments endpoint gives for that subject.
 */
export async function appointPollWorkers(
  stack: DrillStack,
  plan: DrillPlan,
  electionId: string,
  workDir: string,
): Promise<ReadonlyMap<string, StationTokens>> {
  const chairs = await chairsOf(join(workDir, COMMISSION_MEMBERS_CSV.fileName));
  const operator = await stack.token('cec-operator');
  const stations = new Map<string, StationTokens>();
  for (const precinct of plan.precincts) {
    const chair = chairs.get(precinct.precinctId);
    if (!chair) throw new Error(`the commission list names no chair for precinct ${precinct.precinctId}`);
    const scope = precinctsScope(electionId, precinct.precinctId);
    const commission = await stack.scopedToken(scope, chair, 'commission');
    const subject = `poll-worker-${precinct.precinctId}`;
    await expectStatus(
      `register the poll worker of ${precinct.precinctId}`,
      call(
        'POST',
        `${stack.voterRoll}/elections/${electionId}/precincts/${precinct.precinctId}/poll-workers`,
        commission,
        {
          subject,
          deviceIds: [precinct.deviceId],
        },
      ),
      201,
    );
    const { appointments } = await expectStatus<{ appointments: { role: string; scope: TokenScope }[] }>(
      `the appointments of ${subject}`,
      call('GET', `${stack.voterRoll}/elections/${electionId}/appointments/${subject}`, operator),
      200,
    );
    const appointed = appointments.find((appointment) => appointment.role === 'poll-worker');
    if (!appointed) throw new Error(`voter-roll lists no poll-worker appointment for ${subject}`);
    stations.set(precinct.precinctId, {
      commission,
      pollWorker: await stack.scopedToken(appointed.scope, subject, 'poll-worker'),
    });
  }
  return stations;
}

async function chairsOf(file: string): Promise<Map<string, string>> {
  const [header, ...lines] = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const [precinct, person, position] = ['precinct_code', 'personal_number', 'position'].map((name) =>
    columns.indexOf(name),
  ) as [number, number, number];
  const chairs = new Map<string, string>();
  for (const line of lines) {
    const fields = line.split(',');
    if (fields[position] === 'chair') chairs.set(fields[precinct] as string, fields[person] as string);
  }
  return chairs;
}
