import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RejectedLine } from '../application/import-report';
import type { MissingCitizensSink, RejectsSink } from '../application/import-civil-registry/import-sinks';

/** A CSV report written as the import goes, honouring the disk's pace so a file of rejects never piles up in memory. */
class CsvReportFile {
  private readonly stringifier;
  private readonly finished: Promise<unknown>;

  constructor(path: string, columns: readonly string[]) {
    const file = createWriteStream(path);
    this.stringifier = stringify({ header: true, columns: [...columns] });
    this.stringifier.pipe(file);
    this.finished = once(file, 'finish');
  }

  async writeRecord(record: readonly (string | number)[]): Promise<void> {
    if (!this.stringifier.write(record)) await once(this.stringifier, 'drain');
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.finished;
  }
}

/** The rejects report of docs/civil-registry-csv.md: line, column, rule. */
export class CsvRejectsFile implements RejectsSink {
  private readonly file: CsvReportFile;

  constructor(path: string) {
    this.file = new CsvReportFile(path, ['line', 'column', 'rule']);
  }

  write(reject: RejectedLine): Promise<void> {
    return this.file.writeRecord([reject.line, reject.column, reject.rule]);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

/** The personal numbers of citizens the newer file no longer lists: kept in the registry, reported here. */
export class CsvMissingCitizensFile implements MissingCitizensSink {
  private readonly file: CsvReportFile;

  constructor(path: string) {
    this.file = new CsvReportFile(path, ['personal_number']);
  }

  write(personalNumber: string): Promise<void> {
    return this.file.writeRecord([personalNumber]);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
