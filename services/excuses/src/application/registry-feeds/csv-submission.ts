import type { Result } from '@vl/contracts';
import type { Readable } from 'node:stream';
import { openCsv } from '@vl/service-kit';
import type { SubmittedRow } from './feed-pages';
import type { FileRejected } from './feed-report';
import type { FeedRowOutcome } from './feed-rows';

/**
 * A CSV file as submitted rows named by their fields, and each row's reader naming the CSV columns in its
 * rejects: a submitter reads `crossing_point` in the report of the file it wrote, `crossingPoint` in a JSON one.
 */
export async function csvSubmission<TColumns extends Readonly<Record<string, string>>>(
  input: Readable,
  columns: TColumns,
): Promise<Result<AsyncIterable<SubmittedRow>, FileRejected>> {
  const file = await openCsv(input, Object.keys(columns));
  if (!file.ok)
    return {
      ok: false,
      error: {
        code: 'file-rejected',
        issues: file.issues.map(({ column, rule }) => ({ field: column, rule })),
      },
    };
  const lines = file.lines;
  async function* rows(): AsyncGenerator<SubmittedRow> {
    for await (const item of lines) {
      if (item.kind === 'malformed') {
        yield { kind: 'malformed', line: item.line, issues: [{ field: '(row)', rule: item.rule }] };
        continue;
      }
      const row: Record<string, string> = {};
      for (const [column, field] of Object.entries(columns)) row[field] = item.row[column] ?? '';
      yield { kind: 'row', line: item.line, row };
    }
  }
  return { ok: true, value: rows() };
}

/** The reader with each issue's field renamed to its CSV column. */
export function namingColumns<T>(
  read: (row: Readonly<Record<string, string | undefined>>) => FeedRowOutcome<T>,
  columns: Readonly<Record<string, string>>,
): (row: Readonly<Record<string, string | undefined>>) => FeedRowOutcome<T> {
  const columnOf = new Map(Object.entries(columns).map(([column, field]) => [field, column]));
  return (row) => {
    const outcome = read(row);
    if (outcome.ok) return outcome;
    return {
      ok: false,
      issues: outcome.issues.map((issue) => ({ ...issue, field: columnOf.get(issue.field) ?? issue.field })),
    };
  };
}

/** JSON items as submitted rows, each at its position from 1. */
export function jsonSubmission(items: readonly Readonly<Record<string, string>>[]): SubmittedRow[] {
  return items.map((row, index) => ({ kind: 'row', line: index + 1, row }));
}
