import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { sanctions } from './sanctions.descriptor';

/** The sanctions service: its ledger and platform are in place; its domain arrives with its own issue. */
@Module({})
export class SanctionsModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SanctionsModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: sanctions,
          config,
          migrations: LEDGER_MIGRATIONS,
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
