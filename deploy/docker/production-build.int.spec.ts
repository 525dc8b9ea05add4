import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The production build as the Dockerfiles run it: swc output that plain `node` starts, no dev tooling.
const ROOT = join(__dirname, '..', '..');
const SERVICE = 'voter-roll';
const JWKS = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'test', x: 'hNQxH-uHiFUXJ7xFcubNyRA1_LFuw_Usn8-EtzkJWxY' }],
});

// the image's environment, minus DATABASE_URL; no NODE_OPTIONS, so no -r @swc-node/register either
const environmentWithoutDatabaseUrl = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWKS: JWKS,
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function startWithoutDatabaseUrl(main: string, cwd: string) {
  return spawnSync(process.execPath, [main], {
    cwd,
    env: environmentWithoutDatabaseUrl,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe(`deploy/docker/build-service.sh ${SERVICE}`, () => {
  // inside the repository (tmp/ is ignored by git and docker) so that node finds the workspace's
  // node_modules the way /app/dist finds /app/node_modules in the image
  let work: string;
  let dist: string;
  let main: string;
  let image: string | undefined;

  beforeAll(() => {
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    work = mkdtempSync(join(ROOT, 'tmp', 'production-build-'));
    dist = join(work, 'dist');
    execFileSync('bash', [join(ROOT, 'deploy', 'docker', 'build-service.sh'), SERVICE, dist], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    main = join(dist, 'services', SERVICE, 'src', 'main.js');
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    if (image) rmSync(image, { recursive: true, force: true });
  });

  it('writes main.js with every @vl/* import rewritten and no TypeScript or test files', () => {
    expect(existsSync(main)).toBe(true);
    const files = filesUnder(dist);
    expect(files.filter((file) => /\.ts$/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.spec\.js$/.test(file))).toEqual([]);
    const unrewritten = files.filter(
      (file) => file.endsWith('.js') && /require\("@vl\//.test(readFileSync(file, 'utf8')),
    );
    expect(unrewritten).toEqual([]);
  });

  it('plain node loads all its modules: without DATABASE_URL it exits 1 with one line naming DATABASE_URL', () => {
    const run = startWithoutDatabaseUrl(main, work);
    expect(run.status).toBe(1);
    const stderr = run.stderr.trim();
    expect(stderr).not.toContain('\n');
    expect(stderr).toMatch(
      new RegExp(
        `^${SERVICE}: cannot start: configuration: DATABASE_URL is missing: expected a PostgreSQL URL`,
      ),
    );
  });

  it('runs on production dependencies alone (npm ci --omit=dev, as the image runtime stage installs them)', () => {
    // outside the repository, so that a missing production dependency cannot be found in its node_modules
    image = mkdtempSync(join(tmpdir(), 'vl-runtime-stage-'));
    copyFileSync(join(ROOT, 'package.json'), join(image, 'package.json'));
    copyFileSync(join(ROOT, 'package-lock.json'), join(image, 'package-lock.json'));
    const npmNextToNode = join(dirname(process.execPath), 'npm');
    const install = spawnSync(
      existsSync(npmNextToNode) ? npmNextToNode : 'npm',
      [
        'ci',
        '--omit=dev',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
      ],
      { cwd: image, encoding: 'utf8', timeout: 240_000 },
    );
    // a lockfile that `npm ci` rejects would fail every image build at its first RUN
    expect({ status: install.status, stderr: install.status === 0 ? '' : install.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    cpSync(dist, join(image, 'dist'), { recursive: true });
    const run = startWithoutDatabaseUrl(join(image, 'dist', 'services', SERVICE, 'src', 'main.js'), image);
    expect(run.stderr.trim()).toMatch(
      new RegExp(`^${SERVICE}: cannot start: configuration: DATABASE_URL is missing`),
    );
    expect(run.status).toBe(1);
  }, 300_000);
});
