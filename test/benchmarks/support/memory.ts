import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The process's peak resident set so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

let collectGarbage: (() => void) | undefined;

/** The live heap in MB after a full collection. */
export function liveHeapMb(): number {
  if (!collectGarbage) {
    // a full collection before reading the live heap, without asking for --expose-gc on the command line
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
  }
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
