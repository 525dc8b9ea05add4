import type { ServicePart } from '@vl/service-composition';
import { BorderCrossingsController } from './api/border-crossings.controller';
import { DisasterDeclarationsController } from './api/disaster-declarations.controller';
import { DutyRostersController } from './api/duty-rosters.controller';
import { EXEMPTION_FACTS_RECORDED, NoReassessment } from './application/exemption-facts-recorded';
import { RegistryFactsWriter } from './application/registry-feeds/registry-facts-writer';
import { RegistryFeeds } from './application/registry-feeds/registry-feeds';
import { ExemptionFactsRepository } from './infrastructure/exemption-facts.repository';
import { RegistryFacts1763860003100 } from './infrastructure/registry-facts.migration';
import { RegistryFactsProjection } from './infrastructure/registry-facts.projection';

/**
 * The registries' feeds (README "Registry feeds"): border crossings, duty rosters and disaster declarations, each
 * fact an event of `excuses.registry-facts.v1` with its table, and `ExemptionFactsRepository` to read them. Bind
 * `EXEMPTION_FACTS_RECORDED` to re-assess absences when facts arrive; the default re-assesses none.
 */
export const registryFeeds: ServicePart = {
  migrations: [RegistryFacts1763860003100],
  providers: [
    RegistryFeeds,
    RegistryFactsWriter,
    RegistryFactsProjection,
    ExemptionFactsRepository,
    { provide: EXEMPTION_FACTS_RECORDED, useClass: NoReassessment },
  ],
  controllers: [BorderCrossingsController, DutyRostersController, DisasterDeclarationsController],
};
