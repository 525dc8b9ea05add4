import type { CitizenRow } from '@vl/synthetic-country';
import type { DrillPlan } from './plan-types';
import { listedVotersOf } from './roll';

/** The automatic categories a drill's absences can have: it feeds no border crossings, duty rosters or disasters. */
export const DRILL_EXEMPTIONS = ['registered-disability', 'over-70'] as const;
export type DrillExemption = (typeof DRILL_EXEMPTIONS)[number];

/** What excuses must decide of a drill's absences as soon as they arrive, before any excuse window closes. */
export interface ExpectedExcuses {
  /** on the finalized lists and not taken part */
  readonly absent: number;
  /** excused at once from a registry */
  readonly excused: number;
  /** by the first category in the policy's order; only categories with at least one absence */
  readonly excusedBy: Readonly<Partial<Record<DrillExemption, number>>>;
  /** no valid reason known: open until the window closes, then unexcused */
  readonly open: number;
}

/** The registry fields an absence is excused on. */
export type AbsentVoterRow = Pick<CitizenRow, 'personalNumber' | 'birthDate' | 'registeredDisability'>;

/** The plan's expected excuse outcomes: its listed voters who did not take part, each read as excuses reads them. */
export function expectedExcuses(plan: DrillPlan): ExpectedExcuses {
  return excusesOf(plan.options.electionDate, listedVotersOf(plan.options), participantsOf(plan));
}

/**
 * Those who took part: every check-in sent (online or synced) that was not revoked. A revoked voter who came back
 * has a second check-in that stands; a refused double vote adds nobody.
 */
export function participantsOf(plan: DrillPlan): ReadonlySet<string> {
  const checkIns = plan.steps.flatMap((step) =>
    step.kind === 'check-in' ? [step.checkIn] : step.kind === 'sync' ? step.checkIns : [],
  );
  return new Set(checkIns.filter((checkIn) => !checkIn.revoked).map((checkIn) => checkIn.personalNumber));
}

/** Each listed voter not among the participants, excused by the policy's order or left open. */
export function excusesOf(
  electionDate: string,
  listed: Iterable<AbsentVoterRow>,
  participants: ReadonlySet<string>,
): ExpectedExcuses {
  let absent = 0;
  const excusedBy: Partial<Record<DrillExemption, number>> = {};
  for (const voter of listed) {
    if (participants.has(voter.personalNumber)) continue;
    absent += 1;
    const category = exemptionOf(voter, electionDate);
    if (category) excusedBy[category] = (excusedBy[category] ?? 0) + 1;
  }
  const excused = Object.values(excusedBy).reduce((sum, n) => sum + n, 0);
  return { absent, excused, excusedBy, open: absent - excused };
}

// the statutory policy's order: a voter both disabled and over 70 is excused once, for the disability
function exemptionOf(voter: AbsentVoterRow, electionDate: string): DrillExemption | undefined {
  if (voter.registeredDisability) return 'registered-disability';
  if (over70On(voter.birthDate, electionDate)) return 'over-70';
  return undefined;
}

/**
 * Draft law, valid reason 2: over 70 when the 70th birthday fell before polling day (on it, the voter is 70); a
 * 29 February birth has its birthday on 1 March in a common year.
 */
export function over70On(birthDate: string, electionDate: string): boolean {
  const year = Number(birthDate.slice(0, 4)) + 70;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = birthDate.slice(5) === '02-29' && !leap ? '03-01' : birthDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}` < electionDate;
}
