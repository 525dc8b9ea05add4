import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DRILL_DEFAULTS } from '@vl/local-stack';
import { MAX_CITIZENS, MIN_CITIZENS } from '@vl/synthetic-country';
import { runClock } from './clock.command';
import { runInfra } from './infra.command';
import { runTests } from './test.command';
import { printToken } from './token.command';
import { runUp } from './up.command';
import { verifyLogFiles } from './verify.command';

const usage = `usage: ./vl <command>
  up [--fresh] [--until-healthy] [--citizens N] [--seed S] [--exit]
                                   Kafka, PostgreSQL and the six services, then a simulated polling day
                                   (N citizens, default 50000) and its report; Ctrl-C stops everything
                                   (--exit: stop after the report; --until-healthy: no drill, stop once healthy)
  test                             format check, lint, typecheck, unit and integration tests
  infra [--fresh]                  only Kafka and PostgreSQL
  clock [advance P5Y|INSTANT]       the shared drill clock of a drill: read it, or move it forward at once
  token ROLE... [--election E --precinct P... | --district D | --region R] [--service S...] [--subject S] [--ttl SECONDS]
                                   a development bearer token signed with the local key: poll workers and
                                   commissions act in a scope; its audience is the services the roles call
  verify --log F --checkpoints F --keys F   verify an exported log offline (auditors)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      fresh: { type: 'boolean', default: false },
      'until-healthy': { type: 'boolean', default: false },
      citizens: { type: 'string', default: String(DRILL_DEFAULTS.citizens) },
      seed: { type: 'string', default: DRILL_DEFAULTS.seed },
      exit: { type: 'boolean', default: false },
      subject: { type: 'string', default: 'local-developer' },
      ttl: { type: 'string' },
      election: { type: 'string' },
      precinct: { type: 'string', multiple: true },
      district: { type: 'string' },
      region: { type: 'string' },
      service: { type: 'string', multiple: true },
      log: { type: 'string' },
      checkpoints: { type: 'string' },
      keys: { type: 'string' },
    },
  });
  switch (command) {
    case 'up':
      return upWith(values);
    case 'infra':
      return runInfra({ fresh: values.fresh });
    case 'test':
      return runTests(positionals);
    case 'clock':
      return runClock(positionals);
    case 'token':
      return printToken(positionals, {
        subject: values.subject,
        ttl: values.ttl,
        election: values.election,
        precinct: values.precinct,
        district: values.district,
        region: values.region,
        service: values.service,
      });
    case 'verify':
      return verifyLogFiles({ log: values.log, checkpoints: values.checkpoints, keys: values.keys });
    default:
      process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${usage}\n`);
      return 2;
  }
}

function upWith(values: {
  fresh: boolean;
  'until-healthy': boolean;
  citizens: string;
  seed: string;
  exit: boolean;
}): Promise<number> {
  const citizens = /^[0-9_]+$/.test(values.citizens)
    ? Number(values.citizens.replaceAll('_', ''))
    : Number.NaN;
  if (!Number.isSafeInteger(citizens) || citizens < MIN_CITIZENS || citizens > MAX_CITIZENS) {
    process.stderr.write(
      `--citizens ${values.citizens}: expected a whole number from ${MIN_CITIZENS} to ${MAX_CITIZENS}\n`,
    );
    return Promise.resolve(2);
  }
  if (values.seed.length === 0) {
    process.stderr.write('--seed must not be empty\n');
    return Promise.resolve(2);
  }
  return runUp({
    fresh: values.fresh,
    untilHealthy: values['until-healthy'],
    citizens,
    seed: values.seed,
    exit: values.exit,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`vl: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
