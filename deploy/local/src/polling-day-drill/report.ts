import type { ObservedFigures } from './observe';
import type { DrillPlan, ExpectedFigures } from './plan-types';

const count = (value: number) => value.toLocaleString('en-US');

/** Each figure the stack published that differs from the plan, as one line. */
export function mismatches(expected: ExpectedFigures, observed: ObservedFigures): string[] {
  const found: string[] = [];
  const check = (what: string, plan: unknown, stack: unknown) => {
    if (JSON.stringify(plan) !== JSON.stringify(stack))
      found.push(`${what}: expected ${JSON.stringify(plan)}, the stack reports ${JSON.stringify(stack)}`);
  };
  check('registered (country)', expected.registered, observed.registered);
  check('checked in (country)', expected.checkedIn, observed.checkedIn);
  check('regions', expected.regions, observed.regions);
  check('by method', expected.byMethod, observed.byMethod);
  check('by hour', expected.byHour, observed.byHour);
  check('alerts by signal', expected.alerts, observed.alerts);
  check('alerted precincts', expected.alertPrecincts, observed.alertPrecincts);
  const { participation } = observed;
  check('participation: registered', expected.registered, participation.registered);
  check('participation: participated', expected.participated, participation.participated);
  check('participation: absent', expected.absent, participation.absent);
  check('absences derived', expected.absent, participation.absencesDerived);
  return found;
}

/** The end-of-day report: turnout by region, the CEC's hourly figures, the alerts and the absences. */
export function formatReport(plan: DrillPlan, observed: ObservedFigures, found: readonly string[]): string {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISMATCH');
  lines.push('', `Turnout by region (election day ${plan.options.electionDate}, ${plan.options.timeZone})`);
  lines.push(
    `  ${'region'.padEnd(22)} ${'registered'.padStart(10)} ${'checked in'.padStart(10)} ${'%'.padStart(7)}   plan`,
  );
  const planned = new Map(plan.expected.regions.map((region) => [region.code, region]));
  for (const region of observed.regions) {
    const expected = planned.get(region.code);
    const ok = JSON.stringify(expected) === JSON.stringify(region);
    lines.push(
      `  ${`${region.code} ${region.name}`.padEnd(22)} ${count(region.registered).padStart(10)} ${count(region.checkedIn).padStart(10)} ${region.percent.toFixed(2).padStart(7)}   ${mark(ok)}`,
    );
  }
  lines.push(
    `  ${'country'.padEnd(22)} ${count(observed.registered).padStart(10)} ${count(observed.checkedIn).padStart(10)} ${(
      (observed.checkedIn / Math.max(1, observed.registered)) *
      100
    )
      .toFixed(2)
      .padStart(
        7,
      )}   ${mark(observed.checkedIn === plan.expected.checkedIn && observed.registered === plan.expected.registered)}`,
  );
  lines.push('', 'Published turnout (cumulative, each precinct by its own clock)');
  for (const [index, hour] of observed.byHour.entries()) {
    const expected = plan.expected.byHour[index];
    lines.push(
      `  ${hour.at}  ${count(hour.checkedIn).padStart(10)}  ${hour.percent.toFixed(2).padStart(6)}%   ${mark(JSON.stringify(expected) === JSON.stringify(hour))}`,
    );
  }
  lines.push(
    `  by method: ${Object.entries(observed.byMethod)
      .map(([method, value]) => `${method} ${count(value)}`)
      .join(', ')}`,
  );
  lines.push('', 'Integrity alerts by signal');
  for (const [signal, expected] of Object.entries(plan.expected.alerts)) {
    const seen = observed.alerts[signal] ?? 0;
    const where = [...new Set(observed.alertPrecincts[signal] ?? [])].slice(0, 6).join(', ');
    lines.push(
      `  ${signal.padEnd(22)} ${String(seen).padStart(4)}  (plan ${expected})  ${mark(seen === expected)}  ${where}`,
    );
  }
  lines.push(`  planted anomaly: precinct ${plan.anomalyPrecinctId} (the last hour brings it to 100%)`);
  const { participation } = observed;
  lines.push(
    '',
    `Participation finalized: ${count(participation.precincts)} precincts, ${count(participation.registered)} registered, ` +
      `${count(participation.participated)} participated, ${count(participation.absent)} absent`,
    `Absences derived (VoterAbsent): ${count(participation.absencesDerived)}   (plan ${count(plan.expected.absent)})  ${mark(participation.absencesDerived === plan.expected.absent)}`,
  );
  lines.push('');
  if (found.length === 0) lines.push('Every published figure matches the plan.');
  else lines.push(`${found.length} figure(s) differ from the plan:`, ...found.map((line) => `  - ${line}`));
  return lines.join('\n');
}
