import { join } from 'node:path';
import { mintToken, type Role, type TokenScope } from '@vl/auth';
import { cacheDir } from '@vl/local-infra';
import {
  defaultDrillDate,
  DRILL_DEFAULTS,
  drillClockStart,
  formatReport,
  localSigningKey,
  LOCAL_AUDIENCES,
  LOCAL_ISSUER,
  planPollingDay,
  preparationSeconds,
  restartDrillClock,
  runDrill,
  startStack,
  terminalProgress,
  type RunningStack,
} from '@vl/local-stack';
import { untilSignal } from './until-signal';

const say = (line: string) => process.stdout.write(`${line}\n`);

export interface UpOptions {
  readonly fresh: boolean;
  readonly untilHealthy: boolean;
  readonly citizens: number;
  readonly seed: string;
  readonly exit: boolean;
}

// the default size keeps ~150 check-ins/s; larger drills slow the clock so the single check-ins keep up
const drillSpeed = (citizens: number) =>
  Math.max(10, Math.min(DRILL_DEFAULTS.speed, Math.round((DRILL_DEFAULTS.speed * 200_000) / citizens)));

/**
 * The main job: the whole stack with a polling-day drill clock, then a simulated polling day through the
 * services' HTTP APIs, its report, and the stack kept serving until Ctrl-C (or stopped with --exit).
 */
export async function runUp(options: UpOptions): Promise<number> {
  const started = Date.now();
  const speed = drillSpeed(options.citizens);
  const plan = options.untilHealthy
    ? undefined
    : planPollingDay({
        seed: options.seed,
        citizens: options.citizens,
        electionDate: defaultDrillDate(),
        timeZone: DRILL_DEFAULTS.timeZone,
      });
  const stack = await startStack({
    fresh: options.fresh,
    log: (line) => say(`· ${line}`),
    ...(plan
      ? { drillClock: drillClockStart(plan.opensAt, speed, preparationSeconds(options.citizens)) }
      : {}),
  });
  say('');
  say(`Kafka       ${stack.broker.brokers}   (log ${stack.broker.logFile})`);
  say(`PostgreSQL  ${stack.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
  for (const service of stack.services) {
    say(
      `${service.name.padEnd(11)} ${service.url}   healthy after ${service.readyAfterMs} ms   (log ${service.logFile})`,
    );
  }
  say('');
  say(`all six services healthy ${Date.now() - started} ms after start`);
  let code = 0;
  if (plan) {
    say('');
    say(
      `POLLING-DAY DRILL: ${options.citizens.toLocaleString('en-US')} citizens (seed ${options.seed}), polling day ` +
        `${plan.options.electionDate} on the drill clock every service shares, at ${speed}× real time`,
    );
    // the drill begins now: 07:00 comes after the preparation it planned, however long start-up took
    await restartDrillClock(
      stack.databaseUrl,
      drillClockStart(plan.opensAt, speed, preparationSeconds(options.citizens)),
    );
    code = await drill(stack, plan, speed, started);
  }
  if (!options.untilHealthy && !options.exit) {
    say('');
    say(
      'the stack keeps serving (dashboards, GET /elections/:id/turnout, /integrity-alerts); Ctrl-C stops everything',
    );
    await untilSignal();
  }
  say('stopping the services and the broker');
  await stack.stop();
  say('stopped: no service or broker process is left running');
  return code;
}

async function drill(
  stack: RunningStack,
  plan: ReturnType<typeof planPollingDay>,
  speed: number,
  started: number,
): Promise<number> {
  const key = await localSigningKey();
  const urlOf = (name: string) => stack.services.find((service) => service.name === name)?.url as string;
  try {
    const outcome = await runDrill(
      {
        voterRoll: urlOf('voter-roll'),
        turnout: urlOf('turnout'),
        token: (...roles: Role[]) =>
          mintToken(key.privateJwk, {
            subject: 'polling-day-drill',
            roles,
            issuer: LOCAL_ISSUER,
            audience: LOCAL_AUDIENCES,
          }),
        scopedToken: (scope: TokenScope, subject: string, ...roles: Role[]) =>
          mintToken(key.privateJwk, {
            subject,
            roles,
            scope,
            issuer: LOCAL_ISSUER,
            audience: LOCAL_AUDIENCES,
          }),
      },
      plan,
      {
        speed,
        graceMinutes: DRILL_DEFAULTS.graceMinutes,
        concurrency: 16,
        workDir: join(cacheDir(), 'drill', `${plan.options.seed}-${plan.options.citizens}`),
        log: (line) => say(`· ${line}`),
        progress: terminalProgress(),
      },
    );
    say(formatReport(plan, outcome.observed, outcome.mismatches));
    say('');
    say(
      `election ${outcome.electionId}; phases ${Object.entries(outcome.phaseSeconds)
        .map(([phase, seconds]) => `${phase} ${seconds} s`)
        .join(', ')}; drill done ${Math.round((Date.now() - started) / 1000)} s after start`,
    );
    return outcome.mismatches.length === 0 ? 0 : 1;
  } catch (error) {
    say(`DRILL FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
