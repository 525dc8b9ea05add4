import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, found from this file so commands work from any directory. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The Maven pom that pins Kafka's jars and the broker's logging configuration, beside this library's code. */
export const KAFKA_DIR = resolve(__dirname, '..', 'kafka');

/** Downloads and local state live outside the repository (Node, Kafka jars, broker data, keys). */
export function cacheDir(): string {
  return (
    process.env['VL_CACHE'] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'voting-ledger')
  );
}
