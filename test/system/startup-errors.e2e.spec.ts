import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generateSigningKey } from '@vl/auth';
import { ephemeralLedgerKey, REPO_ROOT } from '@vl/local-infra';
import { freePort, testDatabaseUrl, testKafkaBrokers } from '@vl/testing';

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
  readonly elapsedMs: number;
}

/** Starts turnout as an operator would, and collects how it ends. */
function startTurnout(env: Record<string, string | undefined>): Promise<Exit> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(REPO_ROOT, 'services', 'turnout', 'src', 'main.ts')],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'], ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr: stderr.trim(), elapsedMs: Date.now() - started });
    }),
  );
}

describe('a service that cannot start says why in one line, within seconds', () => {
  let goodEnv: Record<string, string>;

  beforeAll(async () => {
    const key = await generateSigningKey('startup-test');
    goodEnv = {
      PORT: String(await freePort()),
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      AUTH_JWKS: JSON.stringify(key.publicJwks),
      LEDGER_SIGNING_KEY: ephemeralLedgerKey(),
    };
  });

  it('given a missing variable, when started, then the one line names it and what it expects', async () => {
    const exit = await startTurnout({ ...goodEnv, DATABASE_URL: undefined });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toBe(
      'turnout: cannot start: configuration: DATABASE_URL is missing: expected a PostgreSQL URL like postgres://user@127.0.0.1:5432/voting_ledger',
    );
  });

  it('given a database nobody listens on, when started, then one line names DATABASE_URL', async () => {
    const exit = await startTurnout({
      ...goodEnv,
      DATABASE_URL: `postgres://nobody@127.0.0.1:${await freePort()}/none`,
    });
    expect(exit.code).toBe(1);
    expect(exit.stderr.split('\n')).toHaveLength(1);
    expect(exit.stderr).toMatch(
      /^turnout: cannot start: DATABASE_URL=postgres:\/\/nobody@127\.0\.0\.1:\d+\/none: PostgreSQL did not answer: ECONNREFUSED/,
    );
    expect(exit.elapsedMs).toBeLessThan(15_000);
  });

  it('given an unreachable broker, when started, then one line names KAFKA_BROKERS', async () => {
    const exit = await startTurnout({ ...goodEnv, KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
    expect(exit.code).toBe(1);
    expect(exit.stderr.split('\n')).toHaveLength(1);
    expect(exit.stderr).toMatch(
      /^turnout: cannot start: KAFKA_BROKERS=127\.0\.0\.1:\d+: no Kafka broker answered/,
    );
    expect(exit.elapsedMs).toBeLessThan(15_000);
  });

  it('given malformed values, when started, then each is named with its rule', async () => {
    const exit = await startTurnout({ ...goodEnv, PORT: 'eighty', AUTH_JWKS: '{"keys":[]}' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/PORT="eighty" is invalid: expected a TCP port number/);
    expect(exit.stderr).toMatch(/AUTH_JWKS=.* is invalid: expected a JWKS document/);
  });
});
