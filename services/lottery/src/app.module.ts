import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { lottery } from './lottery.descriptor';

/** The lottery service: its ledger and platform are in place; its domain arrives with its own issue. */
@Module({})
export class LotteryModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: LotteryModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: lottery,
          config,
          migrations: LEDGER_MIGRATIONS,
        }),
        LedgerModule.forService(),
      ],
    };
  }
}
