import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreTables1763860000000 } from '@vl/event-store';
import { LedgerModule } from '@vl/ledger';
import { MessagingTables1763860000001 } from '@vl/messaging';
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
          migrations: [EventStoreTables1763860000000, MessagingTables1763860000001],
        }),
        LedgerModule.forService(),
      ],
      controllers: [ElectionsController],
      providers: [CallElectionHandler],
    };
  }
}
