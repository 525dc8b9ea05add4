import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { catalogContracts, EventStore } from '@vl/event-store';
import { SERVICE_DESCRIPTOR, type ServiceDescriptor } from '@vl/service-kit';
import { DataSource } from 'typeorm';
import { PoliciesController } from './policies.controller';
import { PolicyBook } from './policy-book';
import type { PolicyModuleOptions } from './policy-options';

/**
 * The policies a service holds, over HTTP (`/policies/:kind`) and in memory (`PolicyBook`), stored as adoption
 * events in the service's own log, one stream per kind, and published on its `<service>.policies.v1` topic.
 */
@Module({})
export class PolicyModule {
  static forService({ policies }: PolicyModuleOptions): DynamicModule {
    return {
      module: PolicyModule,
      // one per service: its handlers and consumers read the policies in force wherever they are provided
      global: true,
      controllers: [PoliciesController],
      providers: [
        {
          provide: PolicyBook,
          inject: [DataSource, SERVICE_DESCRIPTOR, CLOCK],
          // the service's own log: the same table its ledger appends to, so the relay publishes these too
          useFactory: (dataSource: DataSource, descriptor: ServiceDescriptor, clock: Clock) =>
            new PolicyBook(
              new EventStore(dataSource, descriptor.name, catalogContracts),
              clock,
              policies,
              descriptor.name,
            ),
        },
      ],
      exports: [PolicyBook],
    };
  }
}
