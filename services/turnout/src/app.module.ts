import { Module, type DynamicModule } from '@nestjs/common';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { CheckInRevocationsController } from './api/check-in-revocations.controller';
import { CheckInsController } from './api/check-ins.controller';
import { ElectionsController } from './api/elections.controller';
import { PollsController } from './api/polls.controller';
import { CHECK_IN_POLICY, loadCheckInPolicy } from './application/check-in-policy.config';
import {
  CHECK_IN_QUEUE_OPTIONS,
  CheckInQueue,
  type CheckInQueueOptions,
} from './application/check-in-voters/check-in-queue';
import { CheckInVotersHandler } from './application/check-in-voters/check-in-voters.handler';
import { CLOCK, systemClock, type Clock } from './application/clock';
import { ClosePollsHandler } from './application/close-polls/close-polls.handler';
import { OpenPollsHandler } from './application/open-polls/open-polls.handler';
import { PollingDays } from './application/polling-days';
import { PollsPreconditions } from './application/polls-preconditions';
import { RevokeCheckInHandler } from './application/revoke-check-in/revoke-check-in.handler';
import type { CheckInPolicy } from './domain/check-in-policy';
import { CheckInMetrics } from './infrastructure/check-in-metrics';
import { CheckInStreamsRepository } from './infrastructure/check-in-streams.repository';
import { ElectoralRollRepository } from './infrastructure/electoral-roll.repository';
import { PrecinctsRepository } from './infrastructure/precincts.repository';
import { ScheduledElectionsDigest } from './infrastructure/scheduled-elections.digest';
import { ScheduledElections1763860000100 } from './infrastructure/scheduled-elections.migration';
import { ScheduledElectionsRepository } from './infrastructure/scheduled-elections.repository';
import { VoterRollEventHandlers } from './infrastructure/voter-roll-events.handlers';
import { VOTER_ROLL_PROJECTION_DIGESTS } from './infrastructure/voter-roll-projections.digests';
import { VoterRollProjections1763860000200 } from './infrastructure/voter-roll-projections.migration';
import { turnout } from './turnout.descriptor';

/** What tests and benchmarks may put in place of the real thing: polling day on a clock they control. */
export interface TurnoutOverrides {
  readonly clock?: Clock;
  readonly policy?: CheckInPolicy;
  readonly checkInQueue?: CheckInQueueOptions;
}

const PROJECTION_REPOSITORIES = [ScheduledElectionsRepository, PrecinctsRepository, ElectoralRollRepository];

@Module({})
export class TurnoutModule {
  static register(config: ServiceConfig, overrides: TurnoutOverrides = {}): DynamicModule {
    const policy = overrides.policy ?? loadCheckInPolicy();
    return {
      module: TurnoutModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: turnout,
          config,
          migrations: [
            ...LEDGER_MIGRATIONS,
            ScheduledElections1763860000100,
            VoterRollProjections1763860000200,
          ],
        }),
        LedgerModule.forService({
          handlers: VoterRollEventHandlers,
          providers: PROJECTION_REPOSITORIES,
          digests: [ScheduledElectionsDigest, ...VOTER_ROLL_PROJECTION_DIGESTS],
        }),
      ],
      controllers: [ElectionsController, PollsController, CheckInsController, CheckInRevocationsController],
      providers: [
        ...PROJECTION_REPOSITORIES,
        CheckInStreamsRepository,
        CheckInMetrics,
        PollingDays,
        PollsPreconditions,
        CheckInVotersHandler,
        CheckInQueue,
        OpenPollsHandler,
        ClosePollsHandler,
        RevokeCheckInHandler,
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: CHECK_IN_POLICY, useValue: policy },
        ...(overrides.checkInQueue
          ? [{ provide: CHECK_IN_QUEUE_OPTIONS, useValue: overrides.checkInQueue }]
          : []),
      ],
    };
  }
}
