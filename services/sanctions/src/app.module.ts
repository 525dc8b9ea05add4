import { Module, type DynamicModule } from '@nestjs/common';
import {
  composeService,
  electionsProjection,
  type ServiceDeclaration,
  type ServiceOverrides,
} from '@vl/service-composition';
import type { ServiceConfig } from '@vl/service-kit';
import { SANCTIONS_POLICIES } from './application/sanctions-policies';
import { sanctions } from './sanctions.descriptor';

/** The sanctions service, declared once: what it holds and consumes today (README.md; its issue fills the rest). */
export const SANCTIONS: ServiceDeclaration = {
  descriptor: sanctions,
  policies: SANCTIONS_POLICIES,
  parts: [electionsProjection],
};

@Module({})
export class SanctionsModule {
  static register(config: ServiceConfig, overrides: ServiceOverrides = {}): DynamicModule {
    return composeService(SanctionsModule, SANCTIONS, config, overrides);
  }
}
