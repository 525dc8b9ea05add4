import type { ServiceConfig, ServiceDescriptor } from '@vl/service-kit';

/** What the publisher thread needs to open its own connections: plain data, as a worker's start-up data must be. */
export interface LogPublisherSettings {
  readonly service: ServiceDescriptor['name'];
  readonly databaseUrl: string;
  readonly databaseSchema: string;
  readonly kafkaBrokers: readonly string[];
  readonly logLevel: string;
  readonly ledgerOrigin: string;
  readonly ledgerSigningKey: string;
  readonly checkpointEveryEvents: number;
  readonly checkpointEverySeconds: number;
}

export function publisherSettingsOf(
  service: ServiceDescriptor['name'],
  config: ServiceConfig,
): LogPublisherSettings {
  return {
    service,
    databaseUrl: config.DATABASE_URL,
    databaseSchema: config.DATABASE_SCHEMA,
    kafkaBrokers: [...config.KAFKA_BROKERS],
    logLevel: config.LOG_LEVEL,
    ledgerOrigin: config.LEDGER_ORIGIN,
    ledgerSigningKey: config.LEDGER_SIGNING_KEY,
    checkpointEveryEvents: config.CHECKPOINT_EVERY_EVENTS,
    checkpointEverySeconds: config.CHECKPOINT_EVERY_SECONDS,
  };
}

/** Messages between the service's main thread and its publisher thread. */
export type PublisherCommand = { readonly kind: 'stop' };
export type PublisherReport = { readonly kind: 'started' } | { readonly kind: 'stopped' };
