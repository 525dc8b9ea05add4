import { performance } from 'node:perf_hooks';

export interface ProgressLog {
  /** one line on stderr, stamped with the seconds since the bench started */
  readonly progress: (line: string) => void;
  readonly elapsedSeconds: () => number;
}

/** Progress goes to stderr so that stdout holds the results alone. */
export function progressLog(name: string): ProgressLog {
  const start = performance.now();
  const elapsedSeconds = () => (performance.now() - start) / 1000;
  return {
    progress: (line) => process.stderr.write(`[${name} ${elapsedSeconds().toFixed(0)}s] ${line}\n`),
    elapsedSeconds,
  };
}
