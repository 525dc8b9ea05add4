import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { FeedRowIssue } from '../application/registry-feeds/feed-rows';

/** A data line of a CSV file: its row by column name, or why it could not be read as a row at all. */
export type CsvLine =
  | { readonly kind: 'row'; readonly line: number; readonly row: Readonly<Record<string, string>> }
  | { readonly kind: 'malformed'; readonly line: number; readonly rule: string };

export type CsvFile =
  | { readonly ok: true; readonly lines: AsyncIterable<CsvLine> }
  | { readonly ok: false; readonly issues: readonly FeedRowIssue[] };

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Streams a CSV file (RFC 4180, UTF-8, a header row naming exactly `columns` in any order) line by line, as
 * voter-roll reads the registry's files: memory stays bounded by the stream's buffers whatever the file's size.
 */
export async function openCsv(input: Readable, columns: readonly string[]): Promise<CsvFile> {
  const skipped: { line: number; rule: string }[] = [];
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
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
    return { ok: false, issues: [{ field: '(header)', rule: 'expected a header row; the file is empty' }] };
  const header = first.value.record;
  const issues = headerIssues(header, columns);
  if (issues.length > 0) {
    parser.destroy();
    input.resume();
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
  return { ok: true, lines: lines() };
}

/** A header row naming the columns exactly, in any order. */
export function headerIssues(header: readonly string[], expected: readonly string[]): FeedRowIssue[] {
  const issues: FeedRowIssue[] = [];
  for (const column of expected)
    if (!header.includes(column)) issues.push({ field: column, rule: 'missing column in the header row' });
  const seen = new Set<string>();
  for (const column of header) {
    if (!expected.includes(column))
      issues.push({ field: column, rule: `unknown column: expected only ${expected.join(', ')}` });
    else if (seen.has(column)) issues.push({ field: column, rule: 'column named twice in the header row' });
    seen.add(column);
  }
  return issues;
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
