import {
  Module,
  Optional,
  type DynamicModule,
  type Provider,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Type,
} from '@nestjs/common';
import { checkpointTopicOf } from '@vl/contracts';
import {
  KAFKA,
  SERVICE_CONFIG,
  SERVICE_DESCRIPTOR,
  type ServiceConfig,
  type ServiceDescriptor,
} from '@vl/service-kit';
import type { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { catalogContracts, EventStore } from '@vl/event-store';
import { InboxConsumer, parseEventMessage } from '@vl/messaging';
import { LedgerAuditController } from './audit/ledger-audit.controller';
import { PROJECTION_DIGESTS, type ProjectionDigest } from './audit/projection-digest';
import { LogCheckpointer } from './checkpoints/log-checkpointer';
import { parseSigningKey } from './checkpoints/signing-key';
import { DeadLetterController } from './dead-letter.controller';
import { publisherSettingsOf } from './publisher/log-publisher.settings';
import { LogPublisherThread } from './publisher/log-publisher.thread';
import { EVENT_HANDLERS, type EventConsumer } from './ledger.tokens';
import { ParticipationReads } from './participation-reads/participation-reads';

export interface LedgerOptions {
  /** the service's reactions to other services' events; omit when it consumes nothing */
  readonly handlers?: Type<EventConsumer>;
  /** what the handlers depend on (their projections' repositories) */
  readonly providers?: readonly Provider[];
  /** the service's read models, each able to digest its state for replay comparison */
  readonly digests?: readonly Type<ProjectionDigest>[];
}

// the relay and the checkpointer loop on the publisher thread; the main thread's checkpointer only answers calls
class LedgerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly publisher: LogPublisherThread,
    @Optional() private readonly consumer?: InboxConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.start();
    await this.consumer?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
    await this.publisher.stop();
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
    const checkpointerProvider = {
      provide: LogCheckpointer,
      inject: [DataSource, EventStore, KAFKA, SERVICE_DESCRIPTOR, SERVICE_CONFIG, PinoLogger],
      useFactory: (
        dataSource: DataSource,
        store: EventStore,
        kafka: Kafka,
        descriptor: ServiceDescriptor,
        config: ServiceConfig,
        logger: PinoLogger,
      ) =>
        new LogCheckpointer(
          dataSource,
          store,
          kafka,
          {
            origin: config.LEDGER_ORIGIN,
            topic: checkpointTopicOf(descriptor.name),
            signingKey: parseSigningKey(config.LEDGER_SIGNING_KEY),
            everyEvents: config.CHECKPOINT_EVERY_EVENTS,
            everySeconds: config.CHECKPOINT_EVERY_SECONDS,
          },
          logger.logger,
        ),
    };
    const publisherProvider = {
      provide: LogPublisherThread,
      inject: [SERVICE_DESCRIPTOR, SERVICE_CONFIG, PinoLogger],
      useFactory: (descriptor: ServiceDescriptor, config: ServiceConfig, logger: PinoLogger) =>
        new LogPublisherThread(publisherSettingsOf(descriptor.name, config), logger.logger),
    };
    const digestProviders = [
      ...(options.digests ?? []),
      {
        provide: PROJECTION_DIGESTS,
        inject: [...(options.digests ?? [])],
        useFactory: (...digests: ProjectionDigest[]) => digests,
      },
    ];
    const consumerProviders = options.handlers
      ? [
          { provide: EVENT_HANDLERS, useClass: options.handlers },
          {
            provide: InboxConsumer,
            inject: [DataSource, KAFKA, EventStore, EVENT_HANDLERS, SERVICE_CONFIG, PinoLogger],
            useFactory: (
              dataSource: DataSource,
              kafka: Kafka,
              store: EventStore,
              consumer: EventConsumer,
              config: ServiceConfig,
              logger: PinoLogger,
            ) =>
              new InboxConsumer(
                dataSource,
                kafka,
                {
                  groupId: config.KAFKA_CONSUMER_GROUP,
                  parse: parseEventMessage,
                  handlers: consumer.handlers,
                  record: async (tx, event) => {
                    await store.append(
                      [
                        {
                          streamId: `dead-letters-${config.KAFKA_CONSUMER_GROUP}`,
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
      controllers: [DeadLetterController, LedgerAuditController],
      providers: [
        storeProvider,
        checkpointerProvider,
        publisherProvider,
        ...digestProviders,
        ...consumerProviders,
        ...(options.providers ?? []),
        ParticipationReads,
        LedgerLifecycle,
      ],
      exports: [
        EventStore,
        LogCheckpointer,
        ParticipationReads,
        ...(options.handlers ? [InboxConsumer] : []),
      ],
    };
  }
}
