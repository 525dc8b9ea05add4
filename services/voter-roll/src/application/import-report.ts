import type { RowIssue } from '../domain/row-issues';

/** One line of a rejects report: where, which column, which rule (never the value: it may be personal). */
export interface RejectedLine {
  readonly line: number;
  readonly column: string;
  readonly rule: string;
}

/** What an import did: every data row is counted exactly once in one of the four outcomes. */
export interface ImportCounts {
  readonly rows: number;
  /** new: registered for the first time */
  readonly accepted: number;
  readonly changed: number;
  readonly unchanged: number;
  /** rows with at least one broken rule; each rule is a line of the rejects report */
  readonly rejected: number;
}

/** A file refused as a whole (its header): nothing was imported. */
export interface FileRejected {
  readonly code: 'file-rejected';
  readonly message: string;
  readonly issues: readonly RowIssue[];
}

export function fileRejected(issues: readonly RowIssue[]): FileRejected {
  return {
    code: 'file-rejected',
    message: issues.map((issue) => `${issue.column}: ${issue.rule}`).join('; '),
    issues,
  };
}

export const rejectsOf = (line: number, issues: readonly RowIssue[]): RejectedLine[] =>
  issues.map((issue) => ({ line, ...issue }));
