import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
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
          migrations: LEDGER_MIGRATIONS,
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
