import { call, expectStatus, sleep, waitFor, type DrillStack } from './drill-http';
import type { AreaFigures, DrillPlan } from './plan-types';

export interface ParticipationStatus {
  readonly state: 'deriving' | 'derived';
  readonly precincts: number;
  readonly registered: number;
  readonly participated: number;
  readonly absent: number;
  readonly absencesDerived: number;
}

interface TurnoutDocument {
  readonly registered: number;
  readonly checkedIn: number;
  readonly percent: number;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byHour: readonly { at: string; checkedIn: number; percent: number }[];
  readonly children: readonly AreaFigures[];
}

interface Alert {
  readonly signal: string;
  readonly precinctId: string;
  readonly observedAt: string;
  readonly summary: string;
}

/** What the stack published, in the plan's shape, for the report and the system test. */
export interface ObservedFigures {
  readonly registered: number;
  readonly checkedIn: number;
  readonly regions: readonly AreaFigures[];
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byHour: readonly { at: string; checkedIn: number; percent: number }[];
  readonly alerts: Readonly<Record<string, number>>;
  readonly alertPrecincts: Readonly<Record<string, readonly string[]>>;
  readonly alertList: readonly Alert[];
  readonly participation: ParticipationStatus;
}

/** Finalizes participation once turnout allows it (grace over), then waits until every absence is derived. */
export async function finalizeParticipation(
  stack: DrillStack,
  electionId: string,
  timeoutMs: number,
): Promise<ParticipationStatus> {
  const operator = await stack.token('cec-operator');
  const url = `${stack.turnout}/elections/${electionId}/participation`;
  let refusal = '';
  await waitFor('participation finalized', 30_000, async () => {
    const answer = await call('POST', `${url}/finalize`, operator);
    if (answer.status === 202) return true;
    if (answer.status !== 409)
      throw new Error(`finalize participation: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    refusal = JSON.stringify(answer.body);
    return undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; last refusal ${refusal}`);
  });
  return waitFor('every absence derived', timeoutMs, async () => {
    const status = await expectStatus<ParticipationStatus>(
      'participation status',
      call('GET', url, operator),
      200,
    );
    return status.state === 'derived' ? status : undefined;
  });
}

/**
 * Reads the published figures once they have caught up with the plan (the read models are about a second
 * behind), or after `settleMs` with whatever they show then.
 */
export async function observeFigures(
  stack: DrillStack,
  plan: DrillPlan,
  electionId: string,
  participation: ParticipationStatus,
  settleMs: number,
): Promise<ObservedFigures> {
  const auditor = await stack.token('auditor');
  const election = `${stack.turnout}/elections/${electionId}`;
  const deadline = Date.now() + settleMs;
  for (;;) {
    const country = await expectStatus<TurnoutDocument>(
      'turnout of the country',
      call('GET', `${election}/turnout?level=country`, auditor),
      200,
    );
    const { alerts } = await expectStatus<{ alerts: Alert[] }>(
      'integrity alerts',
      call('GET', `${election}/integrity-alerts`, auditor),
      200,
    );
    const alertPrecincts: Record<string, string[]> = Object.fromEntries(
      Object.keys(plan.expected.alertPrecincts).map((signal) => [signal, []]),
    );
    for (const alert of alerts) (alertPrecincts[alert.signal] ??= []).push(alert.precinctId);
    for (const list of Object.values(alertPrecincts)) list.sort();
    const observed: ObservedFigures = {
      registered: country.registered,
      checkedIn: country.checkedIn,
      regions: [...country.children]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(({ code, name, registered, checkedIn, percent }) => ({
          code,
          name,
          registered,
          checkedIn,
          percent,
        })),
      byMethod: country.byMethod,
      byHour: country.byHour.map(({ at, checkedIn, percent }) => ({ at, checkedIn, percent })),
      alerts: Object.fromEntries(
        Object.entries(alertPrecincts).map(([signal, list]) => [signal, list.length]),
      ),
      alertPrecincts,
      alertList: alerts,
      participation,
    };
    const caughtUp =
      observed.checkedIn === plan.expected.checkedIn &&
      JSON.stringify(observed.alerts) === JSON.stringify(plan.expected.alerts);
    if (caughtUp || Date.now() > deadline) return observed;
    await sleep(500);
  }
}
