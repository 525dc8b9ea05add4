import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@vl/auth';
import { CLOCK, type Clock } from '@vl/clock';
import { HttpMetricsInterceptor, loggerOptions, ServiceMetrics } from '@vl/observability';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type { MixedList } from 'typeorm';
import { sessionOptions } from '@vl/event-store';
import { ClockAnnouncement } from './clock/clock.announcement';
import { DrillClockController } from './clock/drill-clock.controller';
import { serviceClockProviders } from './clock/service-clock';
import { HealthController } from './health.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotentRequests1763860001000 } from './idempotency/idempotent-requests.migration';
import { IdempotentRequestsStore } from './idempotency/idempotent-requests.store';
import { MalformedBodyInterceptor } from './request-bodies/malformed-body.interceptor';
import { LedgerErrorsFilter } from './ledger-errors.filter';
import { createKafka, KAFKA } from './kafka-client';
import { MetricsController } from './metrics.controller';
import type { ServiceConfig } from './service-config';
import type { ServiceDescriptor } from './service-descriptor';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_DESCRIPTOR = Symbol('SERVICE_DESCRIPTOR');

export interface ServiceKitOptions {
  readonly descriptor: ServiceDescriptor;
  readonly config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations?: MixedList<Function | string>;
  /** a clock a test controls, in place of the one the configuration names */
  readonly clock?: Clock;
}

/** Logging, metrics, health, auth, the database and the Kafka client every service needs. */
@Module({})
export class ServiceKitModule {
  static forService({ descriptor, config, migrations = [], clock }: ServiceKitOptions): DynamicModule {
    const metrics = new ServiceMetrics();
    metrics.setServiceLabel(descriptor.name);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: SERVICE_DESCRIPTOR, useValue: descriptor },
      { provide: ServiceMetrics, useValue: metrics },
      { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
      { provide: APP_INTERCEPTOR, useClass: MalformedBodyInterceptor },
      { provide: APP_FILTER, useClass: LedgerErrorsFilter },
      IdempotentRequestsStore,
      IdempotencyInterceptor,
      {
        provide: KAFKA,
        inject: [PinoLogger],
        useFactory: (logger: PinoLogger) => createKafka(descriptor.name, config.KAFKA_BROKERS, logger.logger),
      },
      ...serviceClockProviders(descriptor.name, config, clock),
      ClockAnnouncement,
    ];
    // the drill clock can be moved only where it exists: never routed on the system clock
    const onDrillClock = !clock && config.CLOCK === 'drill';
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: pino(loggerOptions(descriptor.name, config.LOG_LEVEL)),
            // the URL can carry a personal number: log the route template only
            serializers: {
              req: (req: { method: string; id: unknown }) => ({ id: req.id, method: req.method }),
            },
            customProps: (req) => ({ route: (req as { route?: { path?: string } }).route?.path }),
          },
        }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: descriptor.name,
          // every service answers retried POSTs from its own idempotent_requests table
          migrations: [
            ...(Array.isArray(migrations) ? migrations : Object.values(migrations)),
            IdempotentRequests1763860001000,
          ],
          migrationsRun: true,
          migrationsTableName: 'schema_migrations',
          synchronize: false,
          autoLoadEntities: true,
          // unqualified SQL (the ledger's tables) resolves in the service's own schema, READ COMMITTED by default
          extra: {
            max: 10,
            connectionTimeoutMillis: 5000,
            options: sessionOptions(config.DATABASE_SCHEMA),
          },
          // TypeORM logs a failed query with its parameters, which can hold personal numbers
          logging: false,
        }),
        CqrsModule.forRoot(),
        AuthModule.forRoot({
          jwks: config.AUTH_JWKS,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          maxLifetimes: config.AUTH_MAX_LIFETIMES,
        }),
      ],
      controllers: [HealthController, MetricsController, ...(onDrillClock ? [DrillClockController] : [])],
      providers,
      exports: [
        SERVICE_CONFIG,
        SERVICE_DESCRIPTOR,
        ServiceMetrics,
        KAFKA,
        CLOCK,
        IdempotentRequestsStore,
        IdempotencyInterceptor,
      ],
    };
  }
}
