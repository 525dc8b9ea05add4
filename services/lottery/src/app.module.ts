import { Module, type DynamicModule } from '@nestjs/common';
import {
  composeService,
  electionsProjection,
  type ServiceDeclaration,
  type ServiceOverrides,
} from '@vl/service-composition';
import type { ServiceConfig } from '@vl/service-kit';
import { LOTTERY_POLICIES } from './application/lottery-policies';
import { lottery } from './lottery.descriptor';

/** The lottery service, declared once: what it holds and consumes today (README.md; its issue fills the rest). */
export const LOTTERY: ServiceDeclaration = {
  descriptor: lottery,
  policies: LOTTERY_POLICIES,
  parts: [electionsProjection],
};

@Module({})
export class LotteryModule {
  static register(config: ServiceConfig, overrides: ServiceOverrides = {}): DynamicModule {
    return composeService(LotteryModule, LOTTERY, config, overrides);
  }
}
