import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { ElectionsController } from './api/elections.controller';
import { CallElectionHandler } from './application/call-election/call-election.handler';
import { voterRoll } from './voter-roll.descriptor';

@Module({})
export class VoterRollModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: VoterRollModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: voterRoll,
          config,
          migrations: LEDGER_MIGRATIONS,
        }),
        LedgerModule.forService(),
      ],
      controllers: [ElectionsController],
      providers: [CallElectionHandler],
    };
  }
}
