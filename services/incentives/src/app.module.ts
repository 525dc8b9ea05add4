import { Module, type DynamicModule } from '@nestjs/common';
import {
  composeService,
  electionsProjection,
  type ServiceDeclaration,
  type ServiceOverrides,
} from '@vl/service-composition';
import type { ServiceConfig } from '@vl/service-kit';
import { INCENTIVES_POLICIES } from './application/incentives-policies';
import { incentives } from './incentives.descriptor';

/** The incentives service, declared once: what it holds and consumes today (README.md; its issue fills the rest). */
export const INCENTIVES: ServiceDeclaration = {
  descriptor: incentives,
  policies: INCENTIVES_POLICIES,
  parts: [electionsProjection],
};

@Module({})
export class IncentivesModule {
  static register(config: ServiceConfig, overrides: ServiceOverrides = {}): DynamicModule {
    return composeService(IncentivesModule, INCENTIVES, config, overrides);
  }
}
