import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreTables1763860000000 } from '@vl/event-store';
import { LedgerModule } from '@vl/ledger';
import { MessagingTables1763860000001 } from '@vl/messaging';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { excuses } from './excuses.descriptor';

/** The excuses service: its ledger and platform are in place; its domain arrives with its own issue. */
@Module({})
export class ExcusesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ExcusesModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: excuses,
          config,
          migrations: [EventStoreTables1763860000000, MessagingTables1763860000001],
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
