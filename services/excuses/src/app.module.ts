import { Module, type DynamicModule } from '@nestjs/common';
import {
  composeService,
  electionsProjection,
  type ServiceDeclaration,
  type ServiceOverrides,
} from '@vl/service-composition';
import type { ServiceConfig } from '@vl/service-kit';
import { AbsenceCases } from './application/absence-cases';
import { ExcuseDeadlines } from './application/excuse-deadlines';
import { EXCUSES_POLICIES, ExcusesPolicies } from './application/excuses-policies';
import { EXEMPTION_FACTS_RECORDED } from './application/exemption-facts-recorded';
import { RegistryViews } from './application/registry-views';
import { AbsenceOutcomesController } from './api/absence-outcomes.controller';
import { excuses } from './excuses.descriptor';
import { AbsenceCountsRepository } from './infrastructure/absence-counts.repository';
import { AbsenceOutcomesDigest } from './infrastructure/absence-outcomes.digest';
import { AbsencesRepository } from './infrastructure/absences.repository';
import { DisabilityRegistryConsumer } from './infrastructure/disability-registry.consumer';
import { ExcusesReadModels1765000002000 } from './infrastructure/excuses-read-models.migration';
import { PrecinctsOnRecord } from './infrastructure/precincts.repository';
import { RegisteredDisabilitiesDigest } from './infrastructure/registered-disabilities.digest';
import { RegisteredDisabilities1763860003050 } from './infrastructure/registered-disabilities.migration';
import { RegisteredDisabilitiesRepository } from './infrastructure/registered-disabilities.repository';
import { TurnoutEventsConsumer } from './infrastructure/turnout-events.consumer';
import { VoterRollEventsConsumer } from './infrastructure/voter-roll-events.consumer';
import { excuseCasesPart } from './excuse-cases.part';
import { registryFeeds } from './registry-feeds.part';

/** The excuses service, declared once: what it holds, consumes, decides and schedules (README.md). */
export const EXCUSES: ServiceDeclaration = {
  descriptor: excuses,
  policies: EXCUSES_POLICIES,
  parts: [electionsProjection, registryFeeds, excuseCasesPart],
  migrations: [RegisteredDisabilities1763860003050, ExcusesReadModels1765000002000],
  consumers: [TurnoutEventsConsumer, VoterRollEventsConsumer, DisabilityRegistryConsumer],
  digests: [AbsenceOutcomesDigest, RegisteredDisabilitiesDigest],
  providers: [
    ExcusesPolicies,
    AbsenceCases,
    RegistryViews,
    AbsencesRepository,
    AbsenceCountsRepository,
    PrecinctsOnRecord,
    RegisteredDisabilitiesRepository,
    // a registry fact recorded after an absence may still excuse it
    { provide: EXEMPTION_FACTS_RECORDED, useExisting: AbsenceCases },
  ],
  controllers: [AbsenceOutcomesController],
  deadlines: ExcuseDeadlines,
};

@Module({})
export class ExcusesModule {
  static register(config: ServiceConfig, overrides: ServiceOverrides = {}): DynamicModule {
    return composeService(ExcusesModule, EXCUSES, config, overrides);
  }
}
