import type { Result } from '@vl/contracts';
import type { Readable } from 'node:stream';
import type { CsvRow, RowOutcome } from '../../domain/row-issues';
import { openCsv } from '@vl/service-kit';
import { fileRejected, rejectsOf, type FileRejected, type RejectedLine } from '../import-report';

export interface GeographyRows<T> {
  readonly rows: number;
  readonly valid: readonly { readonly line: number; readonly value: T }[];
  readonly rejects: readonly RejectedLine[];
  readonly rejectedRows: number;
}

/**
 * Reads a geography file (some thousands of rows, so held whole) and checks each row on its own; a key
 * seen on an earlier line makes the later line a reject.
 */
export async function readGeographyFile<T>(
  input: Readable,
  columns: readonly string[],
  read: (row: CsvRow) => RowOutcome<T>,
  unique: { readonly column: string; readonly keyOf: (value: T) => string; readonly what: string },
  optionalColumns: readonly string[] = [],
): Promise<Result<GeographyRows<T>, FileRejected>> {
  const file = await openCsv(input, columns, optionalColumns);
  if (!file.ok) return { ok: false, error: fileRejected(file.issues) };
  const valid: { line: number; value: T }[] = [];
  const rejects: RejectedLine[] = [];
  const firstLineOf = new Map<string, number>();
  let rows = 0;
  let rejectedRows = 0;
  for await (const item of file.lines) {
    rows++;
    if (item.kind === 'malformed') {
      rejectedRows++;
      rejects.push({ line: item.line, column: '(row)', rule: item.rule });
      continue;
    }
    const outcome = read(item.row);
    if (!outcome.ok) {
      rejectedRows++;
      rejects.push(...rejectsOf(item.line, outcome.issues));
      continue;
    }
    const key = unique.keyOf(outcome.value);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      rejectedRows++;
      rejects.push({
        line: item.line,
        column: unique.column,
        rule: `expected ${unique.what} once: already on line ${earlier}`,
      });
      continue;
    }
    firstLineOf.set(key, item.line);
    valid.push({ line: item.line, value: outcome.value });
  }
  return { ok: true, value: { rows, valid, rejects, rejectedRows } };
}
