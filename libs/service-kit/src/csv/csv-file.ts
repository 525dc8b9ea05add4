import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';

export type CsvRow = Readonly<Record<string, string>>;

/** What is wrong with a file's header or a line, by column ('(header)' for the file as a whole). */
export interface CsvIssue {
  readonly column: string;
  readonly rule: string;
}

/** A data line of a CSV file: its row by column name, or why it could not be read as a row at all. */
export type CsvLine =
  | { readonly kind: 'row'; readonly line: number; readonly row: CsvRow }
  | { readonly kind: 'malformed'; readonly line: number; readonly rule: string };

export type CsvFile =
  | { readonly ok: true; readonly lines: AsyncIterable<CsvLine>; bytesRead(): number }
  | { readonly ok: false; readonly issues: readonly CsvIssue[] };

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Streams a CSV file (RFC 4180, UTF-8, header row naming `columns` and any of `optional` in any order) line by line: memory stays
 * bounded by the stream's buffers whatever the file's size. A broken line is reported and skipped.
 */
export async function openCsv(
  input: Readable,
  columns: readonly string[],
  optional: readonly string[] = [],
): Promise<CsvFile> {
  const skipped: { line: number; rule: string }[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        const line = (error as { lines?: number } | undefined)?.lines ?? 0;
        skipped.push({ line, rule: `not valid CSV: ${error?.message ?? 'unreadable'}` });
        return undefined;
      },
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const first = await records.next();
  if (first.done)
    return { ok: false, issues: [{ column: '(header)', rule: 'expected a header row; the file is empty' }] };
  const header = first.value.record;
  const issues = headerIssues(header, columns, optional);
  if (issues.length > 0) {
    parser.destroy();
    return { ok: false, issues };
  }
  async function* lines(): AsyncGenerator<CsvLine> {
    for (;;) {
      const next = await records.next();
      while (skipped.length > 0)
        yield { kind: 'malformed', ...(skipped.shift() as { line: number; rule: string }) };
      if (next.done) return;
      const { record, info } = next.value;
      const line = info.lines - newlinesIn(record);
      if (record.length !== header.length) {
        yield { kind: 'malformed', line, rule: `expected ${header.length} fields, got ${record.length}` };
        continue;
      }
      const row: Record<string, string> = {};
      for (let index = 0; index < header.length; index++)
        row[header[index] as string] = record[index] as string;
      yield { kind: 'row', line, row };
    }
  }
  return { ok: true, lines: lines(), bytesRead: () => parser.info.bytes };
}

// a quoted field may span lines: the row starts where its first field does
function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    if (!field.includes('\n')) continue;
    for (const character of field) if (character === '\n') count++;
  }
  return count;
}

/** A header row naming every expected column once and nothing but those and the optional ones, in any order. */
export function headerIssues(
  header: readonly string[],
  expected: readonly string[],
  optional: readonly string[] = [],
): CsvIssue[] {
  const issues: CsvIssue[] = [];
  for (const column of expected)
    if (!header.includes(column)) issues.push({ column, rule: 'missing column in the header row' });
  const known = [...expected, ...optional];
  const seen = new Set<string>();
  for (const column of header) {
    if (!known.includes(column))
      issues.push({ column, rule: `unknown column: expected only ${known.join(', ')}` });
    else if (seen.has(column)) issues.push({ column, rule: 'column named twice in the header row' });
    seen.add(column);
  }
  return issues;
}
