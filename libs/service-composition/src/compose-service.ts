import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { DEADLINE_MIGRATIONS, Deadlines, DeadlinesModule } from '@vl/deadlines';
import { catalogContracts, EventStore } from '@vl/event-store';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { PolicyModule, type ServicePolicy } from '@vl/policy/module';
import {
  SERVICE_DESCRIPTOR,
  ServiceKitModule,
  type ServiceConfig,
  type ServiceDescriptor,
} from '@vl/service-kit';
import { DataSource } from 'typeorm';
import type { ServiceDeclaration, ServiceOverrides, ServicePart } from './service-declaration';
import { serviceConsumerOf } from './service-consumer';

/**
 * The service's own providers, global within the application: its consumers (mounted by the ledger), its deadline
 * reactions (mounted by the deadlines module) and its controllers all see the same instances.
 */
@Module({})
class ServiceProvidersModule {}

function merged(declaration: ServiceDeclaration): Required<ServicePart> {
  const parts: ServicePart[] = [...(declaration.parts ?? []), declaration];
  return {
    migrations: parts.flatMap((part) => part.migrations ?? []),
    consumers: parts.flatMap((part) => part.consumers ?? []),
    digests: parts.flatMap((part) => part.digests ?? []),
    providers: parts.flatMap((part) => part.providers ?? []),
    controllers: parts.flatMap((part) => part.controllers ?? []),
  };
}

function seedsOf(held: readonly ServicePolicy[], given: readonly ServicePolicy[] = []): ServicePolicy[] {
  const byKind = new Map(given.map((policy) => [policy.kind.kind, policy]));
  for (const kind of byKind.keys())
    if (!held.some((policy) => policy.kind.kind === kind))
      throw new Error(`an override seeds ${kind}, which the service does not hold`);
  return held.map((policy) => byKind.get(policy.kind.kind) ?? policy);
}

/**
 * One service from one declaration: the service kit (config, logs, metrics, health, auth, database, Kafka, clock),
 * the ledger (event store, relay and checkpoints on the publisher thread, the consumer of every part, the read-model
 * digests), policy as data, durable deadlines and the migrations of all of them, in order.
 */
export function composeService(
  module: Type,
  declaration: ServiceDeclaration,
  config: ServiceConfig,
  overrides: ServiceOverrides = {},
): DynamicModule {
  const part = merged(declaration);
  const withDeadlines = declaration.deadlines !== undefined;
  const ownProviders: Provider[] = [
    {
      provide: EventStore,
      inject: [DataSource, SERVICE_DESCRIPTOR],
      useFactory: (dataSource: DataSource, descriptor: ServiceDescriptor) =>
        new EventStore(dataSource, descriptor.name, catalogContracts),
    },
    ...(withDeadlines ? [Deadlines] : []),
    ...part.consumers,
    ...part.providers,
  ];
  const serviceProviders: DynamicModule = {
    module: ServiceProvidersModule,
    global: true,
    providers: ownProviders,
    exports: ownProviders.map((provider) => ('provide' in provider ? provider.provide : provider)),
  };
  return {
    module,
    imports: [
      ServiceKitModule.forService({
        descriptor: declaration.descriptor,
        config,
        clock: overrides.clock,
        migrations: [...LEDGER_MIGRATIONS, ...(withDeadlines ? DEADLINE_MIGRATIONS : []), ...part.migrations],
      }),
      serviceProviders,
      LedgerModule.forService({
        // the policy book reads the service's own policies topic even when nothing else is consumed
        ...(part.consumers.length > 0 || declaration.policies.length > 0
          ? { handlers: serviceConsumerOf(part.consumers) }
          : {}),
        digests: part.digests,
      }),
      PolicyModule.forService({ policies: seedsOf(declaration.policies, overrides.policies) }),
      ...(declaration.deadlines
        ? [
            DeadlinesModule.forService({
              reactions: declaration.deadlines,
              ...(overrides.deadlineRunner ? { runner: overrides.deadlineRunner } : {}),
            }),
          ]
        : []),
    ],
    controllers: [...part.controllers],
  };
}
