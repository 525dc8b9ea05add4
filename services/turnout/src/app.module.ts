import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { ElectionsController } from './api/elections.controller';
import { ScheduledElectionsDigest } from './infrastructure/scheduled-elections.digest';
import { ScheduledElections1763860000100 } from './infrastructure/scheduled-elections.migration';
import { ScheduledElectionsRepository } from './infrastructure/scheduled-elections.repository';
import { VoterRollEventHandlers } from './infrastructure/voter-roll-events.handlers';
import { turnout } from './turnout.descriptor';

@Module({})
export class TurnoutModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: TurnoutModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: turnout,
          config,
          migrations: [...LEDGER_MIGRATIONS, ScheduledElections1763860000100],
        }),
        LedgerModule.forService({
          handlers: VoterRollEventHandlers,
          providers: [ScheduledElectionsRepository],
          digests: [ScheduledElectionsDigest],
        }),
      ],
      controllers: [ElectionsController],
      providers: [ScheduledElectionsRepository],
    };
  }
}
