import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@vl/local-infra';

interface Step {
  readonly name: string;
  readonly command: readonly string[];
  readonly env?: Record<string, string>;
}

const RESULTS = join(REPO_ROOT, 'tmp', 'jest-results.json');
const ISOLATED_RESULTS = join(REPO_ROOT, 'tmp', 'jest-results-isolated.json');
// suites that replay whole topics: on a broker of their own, where no other suite publishes while they compare
const ISOLATED_SUITES = ['test/system/audit.e2e.spec.ts'];
const JEST_ENV = {
  NODE_OPTIONS:
    '--experimental-vm-modules --disable-warning=ExperimentalWarning --disable-warning=TimeoutNegativeWarning',
};

/** Every check CI runs, in order; all run even when one fails, so one report shows everything. */
export async function runTests(jestArgs: readonly string[]): Promise<number> {
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  const steps: Step[] = [
    { name: 'format', command: ['prettier', '--check', '--log-level=warn', '.'] },
    // the module-boundary rule reads the Nx project graph, so compute it first
    { name: 'project graph', command: ['nx', 'graph', `--file=${join('tmp', 'project-graph.json')}`] },
    { name: 'lint', command: ['eslint', '.', '--max-warnings=0'] },
    { name: 'typecheck', command: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
    {
      name: 'tests',
      command: [
        'jest',
        '--ci',
        '--maxWorkers=2',
        '--json',
        `--outputFile=${RESULTS}`,
        ...ISOLATED_SUITES.map((suite) => `--testPathIgnorePatterns=${suite}`),
        ...jestArgs,
      ],
      // NestJS 12 ships ES modules: jest loads them through Node's VM modules
      env: JEST_ENV,
    },
    ...(jestArgs.length > 0
      ? []
      : [
          {
            name: 'isolated tests',
            command: ['jest', '--ci', '--json', `--outputFile=${ISOLATED_RESULTS}`, ...ISOLATED_SUITES],
            env: JEST_ENV,
          },
        ]),
  ];
  const failedSteps: string[] = [];
  for (const step of steps) {
    process.stdout.write(`\n== ${step.name}: ${step.command.join(' ')}\n`);
    const [binary, ...args] = step.command;
    const result = spawnSync(binary as string, args, {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
    if (result.status !== 0) failedSteps.push(step.name);
  }
  const ran = [RESULTS, ...(jestArgs.length > 0 ? [] : [ISOLATED_RESULTS])].map(readTotals);
  const totals = {
    passed: ran.reduce((sum, run) => sum + run.passed, 0),
    failed: ran.reduce((sum, run) => sum + run.failed, 0),
  };
  process.stdout.write(
    `\n${failedSteps.length === 0 ? 'all checks passed' : `failed: ${failedSteps.join(', ')}`}\n`,
  );
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
  return failedSteps.length === 0 ? 0 : 1;
}

function readTotals(file: string): { passed: number; failed: number } {
  try {
    const results = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numRuntimeErrorTestSuites: number;
    };
    return {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    };
  } catch {
    return { passed: 0, failed: 1 };
  }
}
