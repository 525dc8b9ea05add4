import { Inject, Injectable, Optional } from '@nestjs/common';
import type { CheckInVoter } from '../../domain/check-in-voter';
import { CheckInVotersHandler, type CheckInOutcome } from './check-in-voters.handler';

export interface CheckInQueueOptions {
  /** how many batches may be deciding and appending at once (each holds one database connection at a time) */
  readonly concurrentBatches: number;
  /** the most check-ins one batch decides and appends together */
  readonly maxBatch: number;
}

export const CHECK_IN_QUEUE_OPTIONS = Symbol('CHECK_IN_QUEUE_OPTIONS');

const DEFAULTS: CheckInQueueOptions = { concurrentBatches: 4, maxBatch: 2000 };

interface Waiting {
  readonly command: CheckInVoter;
  readonly settle: (outcome: CheckInOutcome) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * Natural batching: a check-in that finds a free slot is decided at once, alone; under load, the check-ins
 * that arrive while the slots are busy wait and go together in the next batch (one read, one append). Single
 * check-ins over HTTP and offline poll-book syncs share it, so neither can starve the database of the other.
 */
@Injectable()
export class CheckInQueue {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private readonly options: CheckInQueueOptions;

  constructor(
    private readonly handler: CheckInVotersHandler,
    @Optional() @Inject(CHECK_IN_QUEUE_OPTIONS) options?: CheckInQueueOptions,
  ) {
    this.options = options ?? DEFAULTS;
  }

  /** The outcome of each check-in, in the order given. */
  submit(commands: readonly CheckInVoter[]): Promise<CheckInOutcome[]> {
    const outcomes = commands.map(
      (command) =>
        new Promise<CheckInOutcome>((settle, fail) => {
          this.waiting.push({ command, settle, fail });
        }),
    );
    this.drain();
    return Promise.all(outcomes);
  }

  private drain(): void {
    while (this.running < this.options.concurrentBatches && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running++;
      this.handler
        .execute(batch.map((waiting) => waiting.command))
        .then(
          (outcomes) => batch.forEach((waiting, index) => waiting.settle(outcomes[index] as CheckInOutcome)),
          (error: unknown) => batch.forEach((waiting) => waiting.fail(error)),
        )
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }
}
