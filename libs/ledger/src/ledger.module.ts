import {
  Module,
  Optional,
  type DynamicModule,
  type Provider,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Type,
} from '@nestjs/common';
import { eventCatalog } from '@vl/contracts';
import { KAFKA, SERVICE_DESCRIPTOR, type ServiceDescriptor } from '@vl/service-kit';
import type { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { catalogContracts, EventStore } from '@vl/event-store';
import { InboxConsumer, OutboxRelay, parseEventMessage } from '@vl/messaging';
import { DeadLetterController } from './dead-letter.controller';
import { EVENT_HANDLERS, type EventHandlers } from './ledger.tokens';

export interface LedgerOptions {
  /** the service's reactions to other services' events; omit when it consumes nothing */
  readonly handlers?: Type<EventHandlers>;
  /** what the handlers depend on (their projections' repositories) */
  readonly providers?: readonly Provider[];
}

class LedgerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: OutboxRelay,
    @Optional() private readonly consumer?: InboxConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.consumer?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
  }
}

/** The event store, the outbox relay and (optionally) the inbox consumer of one service. */
@Module({})
export class LedgerModule {
  static forService(options: LedgerOptions = {}): DynamicModule {
    const storeProvider = {
      provide: EventStore,
      inject: [DataSource, SERVICE_DESCRIPTOR],
      useFactory: (dataSource: DataSource, descriptor: ServiceDescriptor) =>
        new EventStore(dataSource, descriptor.name, catalogContracts),
    };
    const relayProvider = {
      provide: OutboxRelay,
      inject: [DataSource, EventStore, KAFKA, SERVICE_DESCRIPTOR, PinoLogger],
      useFactory: (
        dataSource: DataSource,
        store: EventStore,
        kafka: Kafka,
        descriptor: ServiceDescriptor,
        logger: PinoLogger,
      ) =>
        new OutboxRelay(
          dataSource,
          store,
          kafka,
          { name: 'kafka', topicOf: (event) => eventCatalog.topicOf(event.type, descriptor.name) },
          logger.logger,
        ),
    };
    const consumerProviders = options.handlers
      ? [
          { provide: EVENT_HANDLERS, useClass: options.handlers },
          {
            provide: InboxConsumer,
            inject: [DataSource, KAFKA, EventStore, EVENT_HANDLERS, PinoLogger],
            useFactory: (
              dataSource: DataSource,
              kafka: Kafka,
              store: EventStore,
              handlers: EventHandlers,
              logger: PinoLogger,
            ) =>
              new InboxConsumer(
                dataSource,
                kafka,
                {
                  groupId: handlers.groupId,
                  topics: handlers.topics,
                  parse: parseEventMessage,
                  handlers: handlers.handlers(),
                  record: async (tx, event) => {
                    await store.append(
                      [
                        {
                          streamId: `dead-letters-${handlers.groupId}`,
                          expectedVersion: 'any',
                          events: [event],
                        },
                      ],
                      {},
                      tx,
                    );
                  },
                },
                logger.logger,
              ),
          },
        ]
      : [];
    return {
      module: LedgerModule,
      controllers: [DeadLetterController],
      providers: [
        storeProvider,
        relayProvider,
        ...consumerProviders,
        ...(options.providers ?? []),
        LedgerLifecycle,
      ],
      exports: [EventStore, OutboxRelay, ...(options.handlers ? [InboxConsumer] : [])],
    };
  }
}
