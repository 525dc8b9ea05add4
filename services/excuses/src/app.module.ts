import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
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
          migrations: LEDGER_MIGRATIONS,
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
