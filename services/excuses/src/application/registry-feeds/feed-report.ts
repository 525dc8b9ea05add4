import type { FeedRowIssue } from './feed-rows';

/** One line of a rejects report: where, which field, which rule (never the value: it may be personal). */
export interface RejectedRow {
  /** the CSV line (the header is line 1), or the item's position in a JSON list, from 1 */
  readonly line: number;
  readonly field: string;
  readonly rule: string;
}

/** What a submission did: every row is counted once, as recorded, already recorded or rejected. */
export interface FeedReport {
  readonly submissionId: string;
  readonly rows: number;
  /** new facts, each an event */
  readonly recorded: number;
  /** facts recorded before (the same row submitted again, or twice in this submission): nothing appended */
  readonly alreadyRecorded: number;
  /** rows with at least one broken rule; each rule is an entry of `rejects` */
  readonly rejected: number;
  readonly rejects: readonly RejectedRow[];
  /** rejects past the first REJECTS_IN_ANSWER, counted only */
  readonly rejectsOmitted: number;
}

// an answer lists this many rejects: a million-row file with a broken column stays a small answer
export const REJECTS_IN_ANSWER = 1000;

/** Keeps the first rejects for the answer and counts the rest. */
export class BoundedRejects {
  readonly kept: RejectedRow[] = [];
  omitted = 0;

  add(line: number, issues: readonly FeedRowIssue[]): void {
    for (const { field, rule } of issues) {
      if (this.kept.length < REJECTS_IN_ANSWER) this.kept.push({ line, field, rule });
      else this.omitted++;
    }
  }
}

/** A file refused as a whole (its header): nothing was recorded. */
export interface FileRejected {
  readonly code: 'file-rejected';
  readonly issues: readonly FeedRowIssue[];
}
