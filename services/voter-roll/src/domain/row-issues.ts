/** One broken rule of one CSV row: the column and the rule in words (never the value: it may be personal). */
export interface RowIssue {
  readonly column: string;
  readonly rule: string;
}

/** A row parsed into the domain, or every rule it broke. */
export type RowOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly RowIssue[] };

/** A CSV row by column name, as the parser hands it over. */
export type CsvRow = Readonly<Record<string, string>>;

/** Text of min–max characters with something visible in it (spaces alone do not make a name). */
export function textIssue(value: string, min: number, max: number): string | null {
  if (value.length > max) return `expected at most ${max} characters`;
  if (min > 0 && value.trim().length < min) return `expected ${min}–${max} characters, not only spaces`;
  return null;
}

export const FLAG_RULE = 'expected 0 or 1';

/** `0` or `1`, as the registry writes its yes/no columns. */
export function parseFlag(value: string): boolean | null {
  if (value === '1') return true;
  if (value === '0') return false;
  return null;
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** A real calendar date YYYY-MM-DD (2025-02-29 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
