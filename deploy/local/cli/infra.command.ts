import { startInfrastructure } from '@vl/local-stack';
import { untilSignal } from './until-signal';

/** Only the infrastructure, for running one service from an editor. */
export async function runInfra(options: { fresh: boolean }): Promise<number> {
  const infra = await startInfrastructure({
    fresh: options.fresh,
    log: (line) => process.stdout.write(`· ${line}\n`),
  });
  process.stdout.write(`export KAFKA_BROKERS=${infra.broker.brokers}\n`);
  for (const [schema, url] of infra.serviceDatabaseUrls)
    process.stdout.write(`# ${schema}: DATABASE_URL=${url}\n`);
  process.stdout.write('Ctrl-C stops the broker\n');
  await untilSignal();
  await infra.broker.stop();
  return 0;
}
