import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { AppointmentsController } from './api/appointments.controller';
import { ElectionsController } from './api/elections.controller';
import { ImportsController } from './api/imports.controller';
import { ListChangesController } from './api/list-changes.controller';
import { PollBookController } from './api/poll-book.controller';
import { PrecinctsController } from './api/precincts.controller';
import { VoterHomePrecinct } from './api/voter-home-precinct';
import { VoterListsController } from './api/voter-lists.controller';
import { IssueAbsenteeCertificateHandler } from './application/absentee-certificates/issue-absentee-certificate.handler';
import { CallElectionHandler } from './application/call-election/call-election.handler';
import { ElectionsReader } from './application/elections.reader';
import { CivilRegistryImport } from './application/import-civil-registry/civil-registry-import';
import { ImportCommissionMembers } from './application/import-geography/import-commission-members';
import { ImportPrecincts } from './application/import-geography/import-precincts';
import { PollBookQueries } from './application/poll-book/poll-book.queries';
import { Appointments } from './application/poll-workers/appointments';
import { RegisterPollWorkers } from './application/poll-workers/register-poll-worker';
import { IncludeVoterOnPollingDayHandler } from './application/polling-day-inclusions/include-voter-on-polling-day.handler';
import { CompileVoterLists } from './application/voter-lists/compile-voter-lists';
import { FinalizeVoterLists } from './application/voter-lists/finalize-voter-lists';
import { ListFacts } from './application/voter-lists/list-facts';
import { VoterListsLifecycle } from './application/voter-lists/voter-lists-lifecycle';
import { CitizensRepository } from './infrastructure/citizens.repository';
import { PollBookRepository } from './infrastructure/poll-book.repository';
import { PrecinctsRepository } from './infrastructure/precincts.repository';
import { PrecinctsDigest, VoterListsDigest } from './infrastructure/read-model.digests';
import { VoterListsRepository } from './infrastructure/voter-lists.repository';
import { VOTER_ROLL_MIGRATIONS } from './infrastructure/voter-roll-migrations';
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
          migrations: VOTER_ROLL_MIGRATIONS,
        }),
        LedgerModule.forService({ digests: [PrecinctsDigest, VoterListsDigest] }),
      ],
      controllers: [
        ElectionsController,
        ImportsController,
        PrecinctsController,
        VoterListsController,
        ListChangesController,
        PollBookController,
        AppointmentsController,
      ],
      providers: [
        CallElectionHandler,
        IssueAbsenteeCertificateHandler,
        IncludeVoterOnPollingDayHandler,
        ElectionsReader,
        ImportPrecincts,
        ImportCommissionMembers,
        CivilRegistryImport,
        CompileVoterLists,
        FinalizeVoterLists,
        VoterListsLifecycle,
        ListFacts,
        PollBookQueries,
        CitizensRepository,
        PollBookRepository,
        PrecinctsRepository,
        VoterListsRepository,
        VoterHomePrecinct,
        RegisterPollWorkers,
        Appointments,
      ],
    };
  }
}
