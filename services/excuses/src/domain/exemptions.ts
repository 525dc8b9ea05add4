import {
  personalNumberParts,
  type Coverage,
  type DutyCategory,
  type ExcuseCategory,
  type ExemptionCategoriesContent,
  type ExemptionRegistry,
} from '@vl/contracts';
import { DateTime } from 'luxon';

/** The polling hours of the absent voter's precinct on election day, as instants (its own zone's 07:00–20:00). */
export interface PollingHours {
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface BorderCrossingFact {
  readonly direction: 'exit' | 'entry';
  readonly at: string;
  /** the crossing's record (its event id): what the basis cites */
  readonly reference: string;
}

export interface DutyPeriodFact {
  readonly category: DutyCategory;
  readonly from: string;
  readonly to: string;
  readonly reference: string;
}

export interface DisasterFact {
  readonly from: string;
  readonly to: string;
  /** the CEC's decision number */
  readonly reference: string;
}

/** What the registries say of one absent voter around election day: what excuses knows, nothing more. */
export interface ExemptionFacts {
  readonly registeredDisability: boolean;
  readonly borderCrossings: readonly BorderCrossingFact[];
  readonly dutyPeriods: readonly DutyPeriodFact[];
  /** declared for the voter's precinct */
  readonly disasters: readonly DisasterFact[];
}

export const noExemptionFacts: ExemptionFacts = {
  registeredDisability: false,
  borderCrossings: [],
  dutyPeriods: [],
  disasters: [],
};

export interface ExemptionFinding {
  readonly category: ExcuseCategory;
  readonly registry: ExemptionRegistry;
  readonly reference: string;
}

export interface AbsentVoter {
  readonly personalNumber: string;
  /** polling day, local date */
  readonly electionDate: string;
}

/** The first automatic category of the policy, in its order, that the registries establish; none: undefined. */
export function exemptionOf(
  voter: AbsentVoter,
  facts: ExemptionFacts,
  hours: PollingHours,
  policy: ExemptionCategoriesContent,
): ExemptionFinding | undefined {
  for (const { category, automatic } of policy.categories) {
    if (!automatic) continue;
    const found = establish(category, voter, facts, hours, policy);
    if (found) return found;
  }
  return undefined;
}

function establish(
  category: ExcuseCategory,
  voter: AbsentVoter,
  facts: ExemptionFacts,
  hours: PollingHours,
  policy: ExemptionCategoriesContent,
): ExemptionFinding | undefined {
  switch (category) {
    case 'registered-disability':
      return facts.registeredDisability
        ? { category, registry: 'disability-registry', reference: 'disability-registry' }
        : undefined;
    case 'over-70': {
      const birthday = overAgeFrom(voter.personalNumber, policy.overAge);
      return birthday !== undefined && birthday <= voter.electionDate
        ? { category, registry: 'birth-date', reference: `over ${policy.overAge.years} from ${birthday}` }
        : undefined;
    }
    case 'abroad': {
      const crossing = abroadDuring(facts.borderCrossings, hours, policy.abroad);
      return crossing ? { category, registry: 'border-crossings', reference: crossing } : undefined;
    }
    case 'natural-disaster': {
      const disaster = facts.disasters.find((period) => covers([period], hours, policy.naturalDisaster));
      return disaster
        ? { category, registry: 'disaster-declarations', reference: disaster.reference }
        : undefined;
    }
    case 'military-remote-service':
    case 'law-enforcement-on-duty':
    case 'continuous-cycle-work': {
      const periods = facts.dutyPeriods.filter((period) => period.category === category);
      return covers(periods, hours, policy.onDuty)
        ? {
            category,
            registry: 'duty-rosters',
            reference: periods.map((period) => period.reference).join(' '),
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The first local date on which the voter counts as over the age: the day after the birthday when a voter whose
 * birthday is election day is not over it, the birthday itself otherwise. A 29 February birth has its birthday on
 * 28 February or 1 March in a common year, as the policy says.
 */
export function overAgeFrom(
  personalNumber: string,
  rule: ExemptionCategoriesContent['overAge'],
): string | undefined {
  const parts = personalNumberParts(personalNumber);
  if (!parts) return undefined;
  // a country has some 40,000 birth dates: each counted once per rule, not once per absent voter
  const key = `${parts.birthDate} ${rule.years} ${rule.birthdayOnElectionDay} ${rule.leapDayBirthday}`;
  let from = overAgeFromDate.get(key);
  if (from === undefined) {
    from = countOverAgeFrom(parts.birthDate, rule);
    if (overAgeFromDate.size >= 100_000) overAgeFromDate.clear();
    overAgeFromDate.set(key, from);
  }
  return from;
}

const overAgeFromDate = new Map<string, string>();

function countOverAgeFrom(
  birthDate: string,
  { years, birthdayOnElectionDay, leapDayBirthday }: ExemptionCategoriesContent['overAge'],
): string {
  const born = DateTime.fromISO(birthDate, { zone: 'utc' });
  let birthday = born.plus({ years });
  // luxon keeps a 29 February birth on 28 February of a common year
  if (born.month === 2 && born.day === 29 && birthday.day === 28 && leapDayBirthday === 'march-1')
    birthday = birthday.plus({ days: 1 });
  const from = birthdayOnElectionDay === 'over' ? birthday : birthday.plus({ days: 1 });
  return from.toISODate() as string;
}

/**
 * Abroad for the whole polling hours: out of the country when the polls opened (an exit at or before the
 * opening, no entry since) and no entry before the close. Any part: out of the country at some instant the polls
 * were open. Before a voter's first recorded crossing, the voter is in the country. Cites the exit.
 */
export function abroadDuring(
  crossings: readonly BorderCrossingFact[],
  { opensAt, closesAt }: PollingHours,
  coverage: Coverage,
): string | undefined {
  const opens = Date.parse(opensAt);
  const closes = Date.parse(closesAt);
  const ordered = [...crossings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let lastExit: BorderCrossingFact | undefined;
  let abroad = false;
  for (const crossing of ordered) {
    if (Date.parse(crossing.at) > opens) break;
    abroad = crossing.direction === 'exit';
    lastExit = abroad ? crossing : undefined;
  }
  const during = ordered.filter(
    (crossing) => Date.parse(crossing.at) > opens && Date.parse(crossing.at) < closes,
  );
  if (coverage === 'whole-polling-hours')
    return abroad && !during.some((crossing) => crossing.direction === 'entry')
      ? lastExit?.reference
      : undefined;
  if (abroad) return lastExit?.reference;
  return during.find((crossing) => crossing.direction === 'exit')?.reference;
}

/** Whether periods (merged where they touch) cover the polling hours whole, or any part of them. */
export function covers(
  periods: readonly { readonly from: string; readonly to: string }[],
  { opensAt, closesAt }: PollingHours,
  coverage: Coverage,
): boolean {
  const opens = Date.parse(opensAt);
  const closes = Date.parse(closesAt);
  const spans = periods
    .map((period) => [Date.parse(period.from), Date.parse(period.to)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  if (coverage === 'any-part') return spans.some(([from, to]) => from < closes && to > opens);
  let coveredUntil = opens;
  for (const [from, to] of spans) {
    if (from > coveredUntil) break;
    coveredUntil = Math.max(coveredUntil, to);
    if (coveredUntil >= closes) return true;
  }
  return false;
}
