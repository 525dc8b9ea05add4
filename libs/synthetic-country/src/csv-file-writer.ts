import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { csvLine, type CsvLayout } from './csv-encoding';

/** What a written file holds, for the manifest: a reader can check it has the very bytes generated. */
export interface WrittenFile {
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

// lines are gathered into chunks of this size: one stream write per chunk, not per row
const CHUNK_CHARACTERS = 256 * 1024;

/** One CSV file written as a stream with backpressure: memory holds one chunk, never the file. */
export class CsvFileWriter<TRow> {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private pending = '';
  private rows = 0;
  private bytes = 0;
  private failure: Error | null = null;

  constructor(
    path: string,
    private readonly layout: CsvLayout<TRow>,
  ) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.pending = csvLine(layout.header);
  }

  /** Adds a row; returns a promise only when the chunk went to disk and the stream asked to wait. */
  write(row: TRow): Promise<void> | undefined {
    this.pending += csvLine(this.layout.fields(row));
    this.rows += 1;
    return this.pending.length >= CHUNK_CHARACTERS ? this.flush() : undefined;
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return { rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Stops writing after a failure elsewhere; the partial file stays for inspection. */
  abandon(): void {
    this.stream.destroy();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
