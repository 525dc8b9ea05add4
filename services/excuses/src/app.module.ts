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
import { excuses } from './excuses.descriptor';
import { TurnoutEventsConsumer } from './infrastructure/turnout-events.consumer';

/** The excuses service, declared once: what it holds, consumes, decides and schedules (README.md). */
export const EXCUSES: ServiceDeclaration = {
  descriptor: excuses,
  policies: EXCUSES_POLICIES,
  parts: [electionsProjection],
  consumers: [TurnoutEventsConsumer],
  providers: [ExcusesPolicies, AbsenceCases],
  deadlines: ExcuseDeadlines,
};

@Module({})
export class ExcusesModule {
  static register(config: ServiceConfig, overrides: ServiceOverrides = {}): DynamicModule {
    return composeService(ExcusesModule, EXCUSES, config, overrides);
  }
}
