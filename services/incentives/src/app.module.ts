import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreTables1763860000000 } from '@vl/event-store';
import { LedgerModule } from '@vl/ledger';
import { MessagingTables1763860000001 } from '@vl/messaging';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { incentives } from './incentives.descriptor';

/** The incentives service: its ledger and platform are in place; its domain arrives with its own issue. */
@Module({})
export class IncentivesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IncentivesModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: incentives,
          config,
          migrations: [EventStoreTables1763860000000, MessagingTables1763860000001],
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
