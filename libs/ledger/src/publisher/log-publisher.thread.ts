import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { LogPublisherSettings, PublisherCommand, PublisherReport } from './log-publisher.settings';

const STOP_TIMEOUT_MS = 15_000;
const RESTART_DELAY_MS = 1_000;

/**
 * Runs the service's outbox relay and checkpointer on a worker thread (log-publisher.worker.ts) and keeps it
 * running: a thread that dies is started again, and the relay and the checkpointer resume from the positions
 * they saved in the database.
 */
export class LogPublisherThread {
  private worker: Worker | undefined;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: LogPublisherSettings,
    private readonly logger?: Logger,
  ) {}

  /** Resolves once the thread has connected and started publishing. */
  start(): Promise<void> {
    this.stopping = false;
    const worker = spawnPublisher(this.settings);
    this.worker = worker;
    return new Promise((resolve, reject) => {
      const onMessage = (report: PublisherReport) => {
        if (report.kind !== 'started') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => {
        this.logger?.error({ err: error }, 'log publisher thread failed');
        reject(error);
      });
      worker.once('exit', (code) => {
        reject(new Error(`log publisher thread exited with code ${code}`));
        if (this.worker === worker) this.worker = undefined;
        if (!this.stopping) this.restartLater(code);
      });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' } satisfies PublisherCommand);
    const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timeout);
    this.worker = undefined;
  }

  private restartLater(code: number): void {
    this.logger?.error({ code }, `log publisher thread exited; starting it again in ${RESTART_DELAY_MS} ms`);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.start().catch((error: unknown) =>
        this.logger?.error({ err: error }, 'log publisher thread did not start again'),
      );
    }, RESTART_DELAY_MS);
  }
}

// from TypeScript sources (development, tests) the thread compiles its modules as the process does
function spawnPublisher(settings: LogPublisherSettings): Worker {
  const entry = join(__dirname, `log-publisher.worker${extname(__filename)}`);
  if (extname(__filename) !== '.ts') return new Worker(entry, { workerData: settings });
  const source = `require('@swc-node/register'); require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true, workerData: settings });
}
