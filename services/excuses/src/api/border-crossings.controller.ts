import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { csvBody, Idempotent, ZodValidationPipe } from '@vl/service-kit';
import type { Request } from 'express';
import { z } from 'zod';
import { RegistryFeeds } from '../application/registry-feeds/registry-feeds';
import { itemField, MAX_ITEMS_PER_REQUEST, reportOrRefusal } from './feed-answers';

const BORDER_SERVICE = 'ministry:border-service';

export const borderCrossingsRequest = z.strictObject({
  crossings: z
    .array(
      z.strictObject({
        personalNumber: itemField('The citizen: 14-digit personal number.'),
        direction: itemField('exit or entry.'),
        at: itemField('When: ISO 8601 with its offset or Z, e.g. 2026-11-29T06:40:00+06:00; kept in UTC.'),
        crossingPoint: itemField('The crossing point, 1–120 characters.', 1000),
      }),
    )
    .min(1)
    .max(MAX_ITEMS_PER_REQUEST)
    .describe('The crossings; each is checked on its own, and a bad one is a reject naming its position.'),
});
type BorderCrossingsRequest = z.output<typeof borderCrossingsRequest>;

/** The Border Service's crossings (README "Registry feeds"): they establish "abroad on election day". */
@Controller('registry-feeds/border-crossings')
export class BorderCrossingsController {
  constructor(private readonly feeds: RegistryFeeds) {}

  /** Records crossings sent as JSON; answers with what was recorded and the rejects. */
  @Post()
  @HttpCode(200)
  @Roles(BORDER_SERVICE)
  @Scoped(Scope.national())
  @Idempotent()
  async submit(
    @Body(new ZodValidationPipe(borderCrossingsRequest)) request: BorderCrossingsRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.feeds.crossingsFromJson(request.crossings, actingAs(principal, BORDER_SERVICE));
  }

  /** Records border-crossings.csv, streamed; the first 1,000 rejects are in the answer. */
  @Post('csv')
  @HttpCode(200)
  @Roles(BORDER_SERVICE)
  @Scoped(Scope.national())
  @Idempotent()
  async upload(@Req() request: Request, @CurrentPrincipal() principal: Principal) {
    return reportOrRefusal(
      await this.feeds.crossingsFromCsv(csvBody(request), actingAs(principal, BORDER_SERVICE)),
    );
  }
}
