import { parentPort, workerData } from 'node:worker_threads';
import { checkpointTopicOf, eventCatalog } from '@vl/contracts';
import { catalogContracts, EventStore, sessionOptions } from '@vl/event-store';
import { OutboxRelay } from '@vl/messaging';
import { loggerOptions } from '@vl/observability';
import { createKafka } from '@vl/service-kit';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { LogCheckpointer } from '../checkpoints/log-checkpointer';
import { parseSigningKey } from '../checkpoints/signing-key';
import type { LogPublisherSettings, PublisherCommand, PublisherReport } from './log-publisher.settings';

/**
 * The publisher thread of a service: the outbox relay and the checkpointer, on their own event loop and their own
 * connections, so that reading, encoding and hashing the log never delays an HTTP answer or a command's append.
 */
async function main(settings: LogPublisherSettings): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('the log publisher runs as a worker thread');
  const logger = pino(loggerOptions(settings.service, settings.logLevel)).child({ thread: 'log-publisher' });
  const dataSource = new DataSource({
    type: 'postgres',
    url: settings.databaseUrl,
    schema: settings.databaseSchema,
    applicationName: `${settings.service}-publisher`,
    logging: false,
    extra: {
      max: 3,
      connectionTimeoutMillis: 5000,
      options: sessionOptions(settings.databaseSchema),
    },
  });
  await dataSource.initialize();
  const kafka = createKafka(`${settings.service}-publisher`, settings.kafkaBrokers, logger);
  const store = new EventStore(dataSource, settings.service, catalogContracts);
  const relay = new OutboxRelay(
    dataSource,
    store,
    kafka,
    { name: 'kafka', topicOf: (event) => eventCatalog.topicOf(event.type, settings.service) },
    logger,
  );
  const checkpointer = new LogCheckpointer(
    dataSource,
    store,
    kafka,
    {
      origin: settings.ledgerOrigin,
      topic: checkpointTopicOf(settings.service),
      signingKey: parseSigningKey(settings.ledgerSigningKey),
      everyEvents: settings.checkpointEveryEvents,
      everySeconds: settings.checkpointEverySeconds,
    },
    logger,
  );
  relay.start();
  checkpointer.start();
  const report = (message: PublisherReport) => port.postMessage(message);
  port.on('message', (command: PublisherCommand) => {
    if (command.kind !== 'stop') return;
    void (async () => {
      await checkpointer.stop();
      await relay.stop();
      await dataSource.destroy();
      report({ kind: 'stopped' });
      port.close();
    })();
  });
  report({ kind: 'started' });
}

// a failed start is the thread's uncaught error: the main thread logs it, sees the exit and starts it again
void main(workerData as LogPublisherSettings);
