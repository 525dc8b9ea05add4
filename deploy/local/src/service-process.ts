import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, stopProcess } from '@vl/local-infra';
import type { ServiceName } from './services';

export interface RunningService {
  readonly name: ServiceName;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  readonly readyAfterMs: number;
  stop(): Promise<void>;
}

/** Runs one service from its TypeScript sources and waits until GET /health answers 200. */
export async function startService(
  name: ServiceName,
  env: Record<string, string>,
  logDir: string,
  timeoutMs = 120_000,
): Promise<RunningService> {
  const started = Date.now();
  const logFile = join(logDir, `${name}.log`);
  const output = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      // kafkajs 2.2 computes a negative timeout that Node 24 warns about (clamped to 1 ms, harmless)
      '--disable-warning=TimeoutNegativeWarning',
      '-r',
      '@swc-node/register',
      join(REPO_ROOT, 'services', name, 'src', 'main.ts'),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const url = `http://${env['HOST'] ?? '127.0.0.1'}:${env['PORT']}`;
  await waitForHealth(child, name, url, logFile, timeoutMs);
  return {
    name,
    url,
    pid: child.pid ?? -1,
    logFile,
    readyAfterMs: Date.now() - started,
    stop: () => stopProcess(child),
  };
}

async function waitForHealth(
  child: ChildProcess,
  name: string,
  url: string,
  logFile: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const lastLine = readFileSync(logFile, 'utf8').trim().split('\n').pop();
      throw new Error(`${name} exited with code ${child.exitCode}: ${lastLine}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopProcess(child);
  throw new Error(`${name} was not healthy at ${url}/health within ${timeoutMs / 1000} s; see ${logFile}`);
}
