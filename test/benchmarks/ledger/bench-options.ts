import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** events in each phase (N) */
  readonly events: number;
  readonly runs: number;
  /** events per EventStore.append call, one variant each */
  readonly appendBatches: readonly number[];
  /** OutboxRelay batchSize, one measurement each */
  readonly relayBatches: readonly number[];
}

/** The command line's flags; throws on anything but positive integers. */
export function parseBenchOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '3' },
      'append-batches': { type: 'string', default: '1000,5000' },
      'relay-batches': { type: 'string', default: '2000,10000' },
    },
  });
  const events = Number(values.events);
  const runs = Number(values.runs);
  const appendBatches = values['append-batches'].split(',').map(Number);
  const relayBatches = values['relay-batches'].split(',').map(Number);
  const positive = (n: number) => Number.isSafeInteger(n) && n > 0;
  if (
    !positive(events) ||
    !positive(runs) ||
    !appendBatches.every(positive) ||
    !relayBatches.every(positive)
  ) {
    throw new Error(
      `--events, --runs and the batch sizes must be positive integers; got --events ${values.events} --runs ${values.runs} ` +
        `--append-batches ${values['append-batches']} --relay-batches ${values['relay-batches']}`,
    );
  }
  return { events, runs, appendBatches, relayBatches };
}
