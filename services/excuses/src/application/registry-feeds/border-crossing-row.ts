import { BORDER_DIRECTIONS, personalNumberField, type BorderDirection } from '@vl/contracts';
import {
  INSTANT_RULE,
  ruleOf,
  textRule,
  utcInstant,
  type FeedRow,
  type FeedRowIssue,
  type FeedRowOutcome,
} from './feed-rows';

/** A crossing as the Border Service reports it, its instant in UTC. */
export interface BorderCrossing {
  readonly personalNumber: string;
  readonly direction: BorderDirection;
  readonly at: string;
  readonly crossingPoint: string;
}

export const CROSSING_POINT_MAX = 120;

/** The fields of a crossing (JSON) and the CSV columns that carry them. */
export const BORDER_CROSSING_COLUMNS = {
  personal_number: 'personalNumber',
  direction: 'direction',
  at: 'at',
  crossing_point: 'crossingPoint',
} as const;

const personalNumberFormat = personalNumberField();

/** One crossing checked on its own (README "Registry feeds"); the same crossing again is the feed's concern. */
export function readBorderCrossing(row: FeedRow): FeedRowOutcome<BorderCrossing> {
  const issues: FeedRowIssue[] = [];
  const issue = (field: string, rule: string | null) => {
    if (rule !== null) issues.push({ field, rule });
  };
  const number = row['personalNumber'] ?? '';
  const direction = row['direction'] ?? '';
  const at = utcInstant(row['at'] ?? '');
  const crossingPoint = row['crossingPoint'] ?? '';
  issue('personalNumber', ruleOf(personalNumberFormat, number));
  const known = (BORDER_DIRECTIONS as readonly string[]).includes(direction);
  issue('direction', known ? null : `expected ${BORDER_DIRECTIONS.join(' or ')}`);
  issue('at', at === null ? INSTANT_RULE : null);
  issue('crossingPoint', textRule(crossingPoint, CROSSING_POINT_MAX));
  if (issues.length > 0 || at === null) return { ok: false, issues };
  return {
    ok: true,
    value: { personalNumber: number, direction: direction as BorderDirection, at, crossingPoint },
  };
}
