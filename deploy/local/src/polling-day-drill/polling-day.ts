import { v7 as uuidv7 } from 'uuid';
import type { StationTokens } from './appoint-poll-workers';
import { DrillClockReader } from './drill-clock-reader';
import { call, sleep, type Answer, type DrillStack } from './drill-http';
import type { DrillPlan, DrillStep, PlannedCheckIn } from './plan-types';
import type { DrillProgress } from './progress';

export interface DayOptions {
  readonly speed: number;
  /** graceAfterCloseMinutes of turnout's turnout.check-in policy in force on the drill's date */
  readonly graceMinutes: number;
  /** single check-ins in flight at once (each over a kept-alive connection) */
  readonly concurrency: number;
}

/** What the services answered, against what the plan said they would. */
export interface DayTally {
  readonly accepted: number;
  readonly duplicates: number;
  readonly revoked: number;
  /** answers the plan did not expect (the first few) */
  readonly unexpected: readonly string[];
  readonly unexpectedCount: number;
}

// single check-ins are sent this much drill time after their device time, so the device is never ahead
const SEND_AFTER_MS = 30_000;
// polls open and close a moment after the precinct's official minute
const POLLS_AFTER_MS = 1_000;

/**
 * Polling day on turnout's drill clock: every step of the plan when its time comes, each precinct's polls
 * opened and closed on its own clock.
 */
export async function runPollingDay(
  stack: DrillStack,
  plan: DrillPlan,
  electionId: string,
  options: DayOptions,
  progress: DrillProgress,
  stations: ReadonlyMap<string, StationTokens>,
): Promise<DayTally> {
  // every precinct action carries the token of that precinct's station
  const station = (precinctId: string): StationTokens => {
    const tokens = stations.get(precinctId);
    if (!tokens) throw new Error(`no poll worker or commission was appointed at precinct ${precinctId}`);
    return tokens;
  };
  const revokedAt = new Map(
    plan.steps.flatMap((step) =>
      step.kind === 'check-in' && step.checkIn.revoked
        ? [[step.checkIn.personalNumber, step.checkIn.precinctId] as const]
        : [],
    ),
  );
  const clock = await DrillClockReader.sync(stack.turnout, options.speed);
  if (clock.nowMs() > Date.parse(plan.opensAt))
    throw new Error(
      `turnout's clock reads ${clock.now()}, past the opening at ${plan.opensAt}: the preparation took longer ` +
        'than the drill clock allowed (start the drill clock earlier or run it slower)',
    );
  const election = `${stack.turnout}/elections/${electionId}`;
  let [accepted, duplicates, revoked, unexpectedCount] = [0, 0, 0, 0];
  const unexpected: string[] = [];
  const surprise = (what: string, answer: Answer) => {
    unexpectedCount += 1;
    if (unexpected.length < 10)
      unexpected.push(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  };

  progress.start(plan.steps.length, 'polling day');
  let done = 0;
  let previous: DrillStep['kind'] | undefined;
  const inFlight = new Set<Promise<void>>();
  const drain = async () => {
    while (inFlight.size > 0) await Promise.race(inFlight);
  };
  for (const step of plan.steps) {
    const polls = step.kind === 'open' || step.kind === 'close';
    // check-ins and the polls of precincts opening or closing together go side by side; the rest alone
    const together = polls || step.kind === 'check-in';
    await clock.until(step.at, polls ? POLLS_AFTER_MS : SEND_AFTER_MS);
    // every check-in sent before a close is answered before it (the precinct's own among them)
    if (!together || (step.kind === 'close' && previous !== 'close')) await drain();
    previous = step.kind;
    while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    const sending = send(step).then(() => {
      inFlight.delete(sending);
      done += 1;
      if (done % 50 === 0)
        progress.update(done, `drill clock ${localTime(clock.now(), plan)}, ${accepted} checked in`);
    });
    inFlight.add(sending);
    if (!together) await drain();
  }
  await drain();
  progress.update(done, `drill clock ${localTime(clock.now(), plan)}, ${accepted} checked in`);
  progress.stop();
  // the grace for queues and late syncs is measured from the close of each precinct's polls: the last one's
  await clock.until(plan.closesAt, (options.graceMinutes + 1) * 60_000);
  await sleep(200);
  return { accepted, duplicates, revoked, unexpected, unexpectedCount };

  async function send(step: DrillStep): Promise<void> {
    switch (step.kind) {
      case 'open':
      case 'close': {
        const answer = await call(
          'POST',
          `${election}/precincts/${step.precinctId}/polls/${step.kind}`,
          station(step.precinctId).commission,
        );
        if (answer.status !== 201) surprise(`${step.kind} polls at ${step.precinctId}`, answer);
        return;
      }
      case 'check-in': {
        const answer = await call(
          'POST',
          `${election}/check-ins`,
          station(step.checkIn.precinctId).pollWorker,
          checkInBody(step.checkIn, true),
        );
        if (answer.status === 201) accepted += 1;
        else surprise(`check-in of ${step.checkIn.personalNumber}`, answer);
        return;
      }
      case 'sync': {
        const answer = await call<{ accepted: number; duplicates: number; rejected: number }>(
          'POST',
          `${election}/check-ins/batch`,
          station(step.precinctId).pollWorker,
          { deviceId: step.deviceId, checkIns: step.checkIns.map((checkIn) => checkInBody(checkIn, false)) },
        );
        accepted += answer.status === 200 ? answer.body.accepted : 0;
        if (answer.status !== 200 || answer.body.accepted !== step.checkIns.length)
          surprise(`sync of ${step.checkIns.length} check-ins from ${step.deviceId}`, answer);
        return;
      }
      case 'double-vote': {
        const answer = await call('POST', `${election}/check-ins`, station(step.precinctId).pollWorker, {
          checkInId: uuidv7(),
          personalNumber: step.personalNumber,
          precinctId: step.precinctId,
          method: 'station',
          identification: 'document',
        });
        if (answer.status === 409) duplicates += 1;
        else surprise(`double vote of ${step.personalNumber} at ${step.precinctId}`, answer);
        return;
      }
      case 'revoke': {
        const at = revokedAt.get(step.personalNumber) ?? '';
        const answer = await call(
          'POST',
          `${election}/check-ins/${step.personalNumber}/revoke`,
          station(at).commission,
          {
            reason: step.reason,
          },
        );
        if (answer.status === 201) revoked += 1;
        else surprise(`revocation of ${step.personalNumber}`, answer);
        return;
      }
    }
  }
}

// a networked poll book sends its own clock too; turnout trusts it within its tolerance
function checkInBody(checkIn: PlannedCheckIn, single: boolean) {
  const common = {
    checkInId: uuidv7(),
    personalNumber: checkIn.personalNumber,
    precinctId: checkIn.precinctId,
    method: checkIn.method,
    identification: checkIn.identification,
  };
  const device = { sequence: checkIn.sequence, deviceTime: checkIn.at };
  return single
    ? { ...common, device: { deviceId: `poll-book-${checkIn.precinctId}-1`, ...device } }
    : { ...common, ...device };
}

function localTime(instant: string, plan: DrillPlan): string {
  return new Date(instant).toLocaleTimeString('en-GB', { timeZone: plan.options.timeZone, hour12: false });
}
