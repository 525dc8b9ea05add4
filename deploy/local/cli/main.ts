import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runInfra } from './infra.command';
import { runTests } from './test.command';
import { printToken } from './token.command';
import { runUp } from './up.command';
import { verifyLogFiles } from './verify.command';

const usage = `usage: ./vl <command>
  up [--fresh] [--until-healthy]   Kafka, PostgreSQL and the six services; Ctrl-C stops everything
  test                             format check, lint, typecheck, unit and integration tests
  infra [--fresh]                  only Kafka and PostgreSQL
  token ROLE... [--subject S]      a development bearer token signed with the local key
  verify --log F --checkpoints F --keys F   verify an exported log offline (auditors)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      fresh: { type: 'boolean', default: false },
      'until-healthy': { type: 'boolean', default: false },
      subject: { type: 'string', default: 'local-developer' },
      ttl: { type: 'string', default: '28800' },
      log: { type: 'string' },
      checkpoints: { type: 'string' },
      keys: { type: 'string' },
    },
  });
  switch (command) {
    case 'up':
      return runUp({ fresh: values.fresh, untilHealthy: values['until-healthy'] });
    case 'infra':
      return runInfra({ fresh: values.fresh });
    case 'test':
      return runTests(positionals);
    case 'token':
      return printToken(positionals, values.subject, Number(values.ttl));
    case 'verify':
      return verifyLogFiles({ log: values.log, checkpoints: values.checkpoints, keys: values.keys });
    default:
      process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`vl: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
