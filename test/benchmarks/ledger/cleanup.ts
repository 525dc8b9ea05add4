import { progress } from './progress';

const cleanups: { label: string; run: () => Promise<unknown> }[] = [];
let interrupted = false;

/** True once Ctrl-C (or SIGTERM) started the cleanup: the running phase then fails and must stay quiet. */
export const wasInterrupted = (): boolean => interrupted;

/** Registers a resource to release at the end (and on Ctrl-C); the returned function releases it early. */
export function onCleanup(label: string, run: () => Promise<unknown>): () => Promise<void> {
  const entry = { label, run };
  cleanups.push(entry);
  return async () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
    await run();
  };
}

/** Releases every registered resource in reverse order, logging (not throwing) a failure. */
export async function cleanUpAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop() as (typeof cleanups)[number];
    if (interrupted) progress(`  ${entry.label}`);
    try {
      await entry.run();
    } catch (error) {
      progress(`cleanup of ${entry.label} failed: ${String(error)}`);
    }
  }
}

/** On Ctrl-C or SIGTERM: drop the schemas and topics, stop the broker, exit 130. */
export function cleanUpOnSignals(): void {
  // `on`, not `once`: signal-exit (loaded with the launcher) re-raises a signal nobody else listens to any more
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      progress(`${signal}: cleaning up (schemas, topics, broker)`);
      void cleanUpAll().finally(() => process.exit(130));
    });
  }
}
