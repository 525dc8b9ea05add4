import type { DrillStack } from './drill-http';
import { finalizeParticipation, observeFigures, type ObservedFigures } from './observe';
import type { DrillPlan } from './plan-types';
import { appointPollWorkers } from './appoint-poll-workers';
import { runPollingDay, type DayTally } from './polling-day';
import { prepareElection } from './prepare-roll';
import type { DrillProgress } from './progress';
import { mismatches } from './report';

export interface DrillRunOptions {
  readonly speed: number;
  readonly graceMinutes: number;
  readonly concurrency: number;
  /** where the country's CSV files are written */
  readonly workDir: string;
  readonly log: (line: string) => void;
  readonly progress: DrillProgress;
}

export interface DrillOutcome {
  readonly electionId: string;
  readonly tally: DayTally;
  readonly observed: ObservedFigures;
  /** every difference between the plan and what the stack answered or published */
  readonly mismatches: readonly string[];
  readonly phaseSeconds: Readonly<Record<string, number>>;
}

/** The whole drill against a running stack, over HTTP only: prepare, polling day, finalize, read the figures. */
export async function runDrill(
  stack: DrillStack,
  plan: DrillPlan,
  options: DrillRunOptions,
): Promise<DrillOutcome> {
  const phaseSeconds: Record<string, number> = {};
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phaseSeconds[phase] = Math.round((performance.now() - started) / 100) / 10;
    }
  };
  const { electionId, stations } = await timed('prepare', async () => {
    const prepared = await prepareElection(stack, plan, options.workDir, options.log);
    const appointed = await appointPollWorkers(stack, plan, prepared.electionId, options.workDir);
    options.log(
      `each precinct's chair registered its poll worker: ${appointed.size} stations with scoped tokens`,
    );
    return { electionId: prepared.electionId, stations: appointed };
  });
  options.log(
    "polling day on the drill clock: each precinct's polls open at 07:00 and close at 20:00 its own time",
  );
  const tally = await timed('polling day', () =>
    runPollingDay(stack, plan, electionId, options, options.progress, stations),
  );
  options.log(
    `polls closed: ${tally.accepted} check-ins accepted, ${tally.duplicates} double votes refused, ${tally.revoked} revoked`,
  );
  const participation = await timed('finalize', () =>
    finalizeParticipation(stack, electionId, 60_000 + plan.expected.absent / 10),
  );
  const observed = await observeFigures(stack, plan, electionId, participation, 15_000);
  const found = [
    ...(tally.unexpectedCount > 0
      ? [`${tally.unexpectedCount} answer(s) the plan did not expect, e.g.`, ...tally.unexpected]
      : []),
    ...mismatches(plan.expected, observed),
  ];
  return { electionId, tally, observed, mismatches: found, phaseSeconds };
}
