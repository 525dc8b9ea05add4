import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CIVIL_REGISTRY_CSV,
  COMMISSION_MEMBERS_CSV,
  PRECINCTS_CSV,
  writeCountryFiles,
} from '@vl/synthetic-country';
import { call, expectStatus, waitFor, type DrillStack } from './drill-http';
import type { DrillPlan } from './plan-types';

interface ImportReport {
  readonly accepted: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly rejected: number;
}

export interface PreparedElection {
  readonly electionId: string;
  readonly imported: number;
  readonly voters: number;
}

/**
 * Before polling day: the country's files, an election called for the drill day, geography and registry
 * imported, the lists compiled and finalized at voter-roll, and projected by turnout.
 */
export async function prepareElection(
  stack: DrillStack,
  plan: DrillPlan,
  workDir: string,
  log: (line: string) => void,
): Promise<PreparedElection> {
  const { seed, citizens, electionDate, timeZone } = plan.options;
  await writeCountryFiles(workDir, { seed, citizens, referenceDate: electionDate });
  log(
    `generated ${citizens.toLocaleString('en-US')} citizens in ${plan.precincts.length} precincts (seed ${seed})`,
  );
  const operator = await stack.token('cec-operator');
  const { electionId } = await expectStatus<{ electionId: string }>(
    'call the election',
    call('POST', `${stack.voterRoll}/elections`, operator, {
      kind: 'parliamentary',
      title: `Polling-day drill (seed ${seed})`,
      electionDate,
      timeZone,
    }),
    201,
  );
  log(`election ${electionId} called for ${electionDate} (${timeZone})`);
  const upload = async (endpoint: string, fileName: string) => {
    const body = await readFile(join(workDir, fileName), 'utf8');
    const send = () =>
      call<ImportReport>('POST', `${stack.voterRoll}/imports/${endpoint}`, operator, body, 'text/csv');
    // one import at a time per database: another one running answers 409, or resets the upload it refuses
    const answer = await waitFor(`import ${fileName} (another import kept running)`, 120_000, () =>
      send().then(
        (sent) => (sent.status === 409 ? undefined : sent),
        (error: Error) => {
          if (/ECONNRESET|EPIPE|socket/i.test(error.message)) return undefined;
          throw error;
        },
      ),
    );
    return expectStatus<ImportReport>(`import ${fileName}`, Promise.resolve(answer), 200);
  };
  await upload('precincts', PRECINCTS_CSV.fileName);
  await upload('commission-members', COMMISSION_MEMBERS_CSV.fileName);
  const registry = await upload('civil-registry', CIVIL_REGISTRY_CSV.fileName);
  log(
    `civil registry imported: ${registry.accepted} new, ${registry.changed} changed, ${registry.unchanged} unchanged, ${registry.rejected} rejected`,
  );
  const compiled = await expectStatus<{ citizens: number; voters: number }>(
    'compile the voter lists',
    call('POST', `${stack.voterRoll}/elections/${electionId}/voter-lists/compile`, operator),
    200,
  );
  if (compiled.citizens !== citizens || compiled.voters !== plan.expected.registered)
    throw new Error(
      `voter-roll compiled ${compiled.voters} voters from ${compiled.citizens} citizens; the drill expects ` +
        `${plan.expected.registered} from ${citizens}: the registry holds another country (run with --fresh)`,
    );
  await expectStatus(
    'finalize the voter lists',
    call('POST', `${stack.voterRoll}/elections/${electionId}/voter-lists/finalize`, operator),
    200,
  );
  log(`voter lists compiled and finalized: ${compiled.voters.toLocaleString('en-US')} voters`);
  await waitFor('turnout projecting the finalized lists', 60_000 + citizens / 20, async () => {
    const { status, body } = await call<{ registered?: number }>(
      'GET',
      `${stack.turnout}/elections/${electionId}/turnout?level=country`,
      operator,
    );
    return status === 200 && body.registered === plan.expected.registered ? true : undefined;
  });
  log('turnout has projected every list');
  return {
    electionId,
    imported: registry.accepted + registry.changed + registry.unchanged,
    voters: compiled.voters,
  };
}
