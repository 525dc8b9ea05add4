import { DUTY_CATEGORIES, personalNumberField, type DutyCategory } from '@vl/contracts';
import {
  INSTANT_RULE,
  ruleOf,
  utcInstant,
  type FeedRow,
  type FeedRowIssue,
  type FeedRowOutcome,
} from './feed-rows';

/** A roster entry: who was on duty, in which category, from when to when (UTC). */
export interface DutyPeriod {
  readonly personalNumber: string;
  readonly category: DutyCategory;
  readonly from: string;
  readonly to: string;
}

export const DUTY_PERIOD_COLUMNS = {
  personal_number: 'personalNumber',
  category: 'category',
  from: 'from',
  to: 'to',
} as const;

/** The roles that submit duty rosters, as endpoints admit them. */
export const DUTY_ROSTER_SUBMITTERS = [
  'ministry:defence',
  'ministry:internal-affairs',
  'employer:*',
] as const;

/**
 * The one category a submitting body may name (draft law, reason 5): the Ministry of Defence its servicemen in
 * remote areas, Internal Affairs its officers on duty, an employer its continuous-cycle workers.
 */
export function dutyCategoryOf(role: string): DutyCategory | undefined {
  if (role === 'ministry:defence') return 'military-remote-service';
  if (role === 'ministry:internal-affairs') return 'law-enforcement-on-duty';
  if (role.startsWith('employer:')) return 'continuous-cycle-work';
  return undefined;
}

const personalNumberFormat = personalNumberField();

/** One roster entry checked on its own, for the body that submits it (the token's role). */
export function readDutyPeriod(row: FeedRow, submitter: string): FeedRowOutcome<DutyPeriod> {
  const issues: FeedRowIssue[] = [];
  const issue = (field: string, rule: string | null) => {
    if (rule !== null) issues.push({ field, rule });
  };
  const number = row['personalNumber'] ?? '';
  const category = row['category'] ?? '';
  const from = utcInstant(row['from'] ?? '');
  const to = utcInstant(row['to'] ?? '');
  issue('personalNumber', ruleOf(personalNumberFormat, number));
  const own = dutyCategoryOf(submitter);
  if (!(DUTY_CATEGORIES as readonly string[]).includes(category))
    issue('category', `expected one of ${DUTY_CATEGORIES.join(', ')}`);
  else if (category !== own)
    issue(
      'category',
      own
        ? `${submitter} may name only ${own}: each submitting body names its own category`
        : `${submitter} submits no duty roster`,
    );
  issue('from', from === null ? INSTANT_RULE : null);
  issue('to', to === null ? INSTANT_RULE : null);
  if (from !== null && to !== null && Date.parse(to) <= Date.parse(from))
    issue('to', 'expected later than from: a period ends after it starts');
  if (issues.length > 0 || from === null || to === null) return { ok: false, issues };
  return { ok: true, value: { personalNumber: number, category: category as DutyCategory, from, to } };
}
