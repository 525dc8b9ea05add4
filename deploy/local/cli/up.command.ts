import { startStack } from '@vl/local-infra';
import { untilSignal } from './until-signal';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** The main job until the polling-day simulator lands: the whole stack up, healthy, and where it listens. */
export async function runUp(options: { fresh: boolean; untilHealthy: boolean }): Promise<number> {
  const started = Date.now();
  const stack = await startStack({ fresh: options.fresh, log: (line) => say(`· ${line}`) });
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
  if (!options.untilHealthy) {
    say('Ctrl-C stops everything');
    await untilSignal();
  }
  say('stopping the services and the broker');
  await stack.stop();
  say('stopped: no service or broker process is left running');
  return 0;
}
