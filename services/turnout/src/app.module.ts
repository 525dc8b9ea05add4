import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreTables1763860000000 } from '@vl/event-store';
import { LedgerModule } from '@vl/ledger';
import { MessagingTables1763860000001 } from '@vl/messaging';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { ElectionsController } from './api/elections.controller';
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
          migrations: [
            EventStoreTables1763860000000,
            MessagingTables1763860000001,
            ScheduledElections1763860000100,
          ],
        }),
        LedgerModule.forService({
          handlers: VoterRollEventHandlers,
          providers: [ScheduledElectionsRepository],
        }),
      ],
      controllers: [ElectionsController],
      providers: [ScheduledElectionsRepository],
    };
  }
}
