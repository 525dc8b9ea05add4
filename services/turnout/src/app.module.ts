import { Module, type DynamicModule } from '@nestjs/common';
import { PollingDayEnds } from '@vl/auth';
import type { Clock } from '@vl/clock';
import { LEDGER_MIGRATIONS, LedgerModule } from '@vl/ledger';
import { PolicyModule } from '@vl/policy/module';
import { ServiceKitModule, type ServiceConfig } from '@vl/service-kit';
import { CheckInRevocationsController } from './api/check-in-revocations.controller';
import { CheckInsController } from './api/check-ins.controller';
import { IntegrityAlertsController } from './api/integrity-alerts.controller';
import { TurnoutController } from './api/turnout.controller';
import { ElectionsController } from './api/elections.controller';
import { ParticipationController } from './api/participation.controller';
import { PollsController } from './api/polls.controller';
import {
  ABSENCE_DERIVATION_OPTIONS,
  AbsenceDerivation,
  type AbsenceDerivationOptions,
} from './application/absences/absence-derivation';
import {
  CHECK_IN_QUEUE_OPTIONS,
  CheckInQueue,
  type CheckInQueueOptions,
} from './application/check-in-voters/check-in-queue';
import { CheckInVotersHandler } from './application/check-in-voters/check-in-voters.handler';
import { CLOSE_OF_DAY_ALERTS } from './application/close-of-day-alerts';
import { ClosePollsHandler } from './application/close-polls/close-polls.handler';
import { IntegrityAlerts } from './application/integrity/integrity-alerts';
import { RaiseCloseOfDayAlerts } from './application/integrity/raise-close-of-day-alerts';
import { FinalizeParticipationHandler } from './application/finalize-participation/finalize-participation.handler';
import { ParticipationStatuses } from './application/participation-status';
import { OpenPollsHandler } from './application/open-polls/open-polls.handler';
import { PollWorkerTokenEnds } from './application/poll-worker-token-ends';
import { PollingDays } from './application/polling-days';
import { PollsPreconditions } from './application/polls-preconditions';
import { RevokeCheckInHandler } from './application/revoke-check-in/revoke-check-in.handler';
import { LiveTurnout } from './application/turnout-figures/live-turnout';
import { TurnoutPolicies, turnoutPolicies } from './application/turnout-policies';
import { TurnoutFigures } from './application/turnout-figures/turnout-figures';
import { DEFAULT_CHECK_IN_POLICY, type CheckInPolicy } from './domain/check-in-policy';
import { DEFAULT_INTEGRITY_THRESHOLDS, type IntegrityThresholds } from './domain/integrity-signals';
import { AbsencesRepository } from './infrastructure/absences.repository';
import { CheckInCountsRepository } from './infrastructure/check-in-counts.repository';
import { CheckInMetrics } from './infrastructure/check-in-metrics';
import { CheckInStreamsRepository } from './infrastructure/check-in-streams.repository';
import { ElectoralRollRepository } from './infrastructure/electoral-roll.repository';
import { IntegrityAlertsRepository } from './infrastructure/integrity-alerts.repository';
import { ParticipationRepository } from './infrastructure/participation.repository';
import { PrecinctPollsRepository } from './infrastructure/precinct-polls.repository';
import { PrecinctsRepository } from './infrastructure/precincts.repository';
import { ProjectionHandlers } from './infrastructure/projection.handlers';
import { ScheduledElectionsDigest } from './infrastructure/scheduled-elections.digest';
import { ScheduledElections1763860000100 } from './infrastructure/scheduled-elections.migration';
import { ScheduledElectionsRepository } from './infrastructure/scheduled-elections.repository';
import { TurnoutEventHandlers } from './infrastructure/turnout-events.handlers';
import { TurnoutFiguresRepository } from './infrastructure/turnout-figures.repository';
import { TURNOUT_PROJECTION_DIGESTS } from './infrastructure/turnout-projections.digests';
import { PrecinctTimeZones1763860000320 } from './infrastructure/precinct-time-zones.migration';
import { TurnoutProjections1763860000310 } from './infrastructure/turnout-projections.migration';
import { VoterRollEventHandlers } from './infrastructure/voter-roll-events.handlers';
import { VOTER_ROLL_PROJECTION_DIGESTS } from './infrastructure/voter-roll-projections.digests';
import { VoterRollProjections1763860000200 } from './infrastructure/voter-roll-projections.migration';
import { turnout } from './turnout.descriptor';

/** What tests and benchmarks may put in place of the real thing: polling day on a clock they control. */
export interface TurnoutOverrides {
  readonly clock?: Clock;
  /** the seed of the turnout.check-in policy in place of the statutory default */
  readonly policy?: CheckInPolicy;
  readonly checkInQueue?: CheckInQueueOptions;
  /** the seed of the turnout.integrity-thresholds policy in place of the statutory default */
  readonly integrityThresholds?: IntegrityThresholds;
  readonly absenceDerivation?: AbsenceDerivationOptions;
}

const PROJECTION_REPOSITORIES = [
  ScheduledElectionsRepository,
  PrecinctsRepository,
  ElectoralRollRepository,
  CheckInCountsRepository,
  IntegrityAlertsRepository,
  PrecinctPollsRepository,
];

@Module({})
export class TurnoutModule {
  static register(config: ServiceConfig, overrides: TurnoutOverrides = {}): DynamicModule {
    const policies = turnoutPolicies({
      checkIn: overrides.policy ?? DEFAULT_CHECK_IN_POLICY,
      integrityThresholds: overrides.integrityThresholds ?? DEFAULT_INTEGRITY_THRESHOLDS,
    });
    return {
      module: TurnoutModule,
      imports: [
        ServiceKitModule.forService({
          descriptor: turnout,
          config,
          // a clock given by a test wins; else the one the configuration names (CLOCK)
          clock: overrides.clock,
          migrations: [
            ...LEDGER_MIGRATIONS,
            ScheduledElections1763860000100,
            VoterRollProjections1763860000200,
            TurnoutProjections1763860000310,
            PrecinctTimeZones1763860000320,
          ],
        }),
        LedgerModule.forService({
          handlers: ProjectionHandlers,
          providers: [
            ...PROJECTION_REPOSITORIES,
            VoterRollEventHandlers,
            TurnoutEventHandlers,
            IntegrityAlerts,
            TurnoutPolicies,
          ],
          digests: [
            ScheduledElectionsDigest,
            ...VOTER_ROLL_PROJECTION_DIGESTS,
            ...TURNOUT_PROJECTION_DIGESTS,
          ],
        }),
        PolicyModule.forService({ policies }),
      ],
      controllers: [
        ElectionsController,
        PollsController,
        CheckInsController,
        CheckInRevocationsController,
        ParticipationController,
        TurnoutController,
        IntegrityAlertsController,
      ],
      providers: [
        ...PROJECTION_REPOSITORIES,
        CheckInStreamsRepository,
        CheckInMetrics,
        PollingDays,
        { provide: PollingDayEnds, useClass: PollWorkerTokenEnds },
        PollsPreconditions,
        CheckInVotersHandler,
        CheckInQueue,
        OpenPollsHandler,
        ClosePollsHandler,
        RevokeCheckInHandler,
        TurnoutFiguresRepository,
        TurnoutFigures,
        LiveTurnout,
        IntegrityAlerts,
        RaiseCloseOfDayAlerts,
        { provide: CLOSE_OF_DAY_ALERTS, useExisting: RaiseCloseOfDayAlerts },
        TurnoutPolicies,
        ParticipationRepository,
        AbsencesRepository,
        ParticipationStatuses,
        AbsenceDerivation,
        FinalizeParticipationHandler,
        ...(overrides.absenceDerivation
          ? [{ provide: ABSENCE_DERIVATION_OPTIONS, useValue: overrides.absenceDerivation }]
          : []),
        ...(overrides.checkInQueue
          ? [{ provide: CHECK_IN_QUEUE_OPTIONS, useValue: overrides.checkInQueue }]
          : []),
      ],
    };
  }
}
