import type { FeedRow, FeedRowIssue, FeedRowOutcome } from './feed-rows';
import { BoundedRejects, type FeedReport } from './feed-report';

/** A submitted row (a CSV line, a JSON item) by field name, or why it could not be read as a row at all. */
export type SubmittedRow =
  | { readonly kind: 'row'; readonly line: number; readonly row: FeedRow }
  | { readonly kind: 'malformed'; readonly line: number; readonly issues: readonly FeedRowIssue[] };

export interface PageWritten {
  readonly recorded: number;
  readonly alreadyRecorded: number;
}

// rows per transaction: one multi-stream append and one insert per table each
export const PAGE_SIZE = 1000;

/**
 * Reads rows one by one, keeps every rule a row breaks in the rejects and writes the good ones a page at a time:
 * memory holds one page and the first rejects, never the submission.
 */
export async function recordInPages<T>(
  submissionId: string,
  rows: AsyncIterable<SubmittedRow> | Iterable<SubmittedRow>,
  read: (row: FeedRow) => FeedRowOutcome<T>,
  writePage: (page: readonly T[]) => Promise<PageWritten>,
  pageSize = PAGE_SIZE,
): Promise<FeedReport> {
  const rejects = new BoundedRejects();
  let count = 0;
  let rejected = 0;
  let recorded = 0;
  let alreadyRecorded = 0;
  let page: T[] = [];
  const flush = async () => {
    if (page.length === 0) return;
    const written = await writePage(page);
    page = [];
    recorded += written.recorded;
    alreadyRecorded += written.alreadyRecorded;
  };
  for await (const submitted of rows) {
    count++;
    const outcome: FeedRowOutcome<T> =
      submitted.kind === 'malformed' ? { ok: false, issues: submitted.issues } : read(submitted.row);
    if (!outcome.ok) {
      rejected++;
      rejects.add(submitted.line, outcome.issues);
      continue;
    }
    page.push(outcome.value);
    if (page.length >= pageSize) await flush();
  }
  await flush();
  return {
    submissionId,
    rows: count,
    recorded,
    alreadyRecorded,
    rejected,
    rejects: rejects.kept,
    rejectsOmitted: rejects.omitted,
  };
}
