import type { RejectedLine } from '../import-report';

/** Where an import writes its rejects: a CSV file for the CLI, a bounded list for an HTTP answer. */
export interface RejectsSink {
  /** resolves when the sink can take more (a file honours its stream's back-pressure) */
  write(reject: RejectedLine): Promise<void> | void;
}

/** Where an import lists the registry's citizens that had no accepted row in the file. */
export interface MissingCitizensSink {
  write(personalNumber: string): Promise<void> | void;
}

/** How far an import is: rows read and, when the input's size is known, bytes read of it. */
export interface ImportProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly elapsedMs: number;
}

/** Keeps the first `limit` rejects for an HTTP answer and counts the rest. */
export class BoundedRejects implements RejectsSink {
  readonly kept: RejectedLine[] = [];
  omitted = 0;

  constructor(private readonly limit: number) {}

  write(reject: RejectedLine): void {
    if (this.kept.length < this.limit) this.kept.push(reject);
    else this.omitted++;
  }
}
