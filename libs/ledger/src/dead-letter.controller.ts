import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Optional,
  Param,
  Post,
  ConflictException,
} from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '@vl/auth';
import { InboxConsumer } from '@vl/messaging';
import { z } from 'zod';

const skipBody = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'reason: say why in at least 10 characters')
    .max(500, 'reason: at most 500 characters'),
});

/** Operators list, retry or skip parked messages; a skip is recorded as an event with its reason. */
@Controller('operations/dead-letters')
@Roles('cec-operator')
export class DeadLetterController {
  constructor(@Optional() private readonly consumer?: InboxConsumer) {}

  @Get()
  list() {
    return this.consumer ? this.consumer.parking.list() : [];
  }

  @Post(':id/retry')
  @HttpCode(200)
  async retry(@Param('id') id: string, @CurrentPrincipal() operator: Principal) {
    return this.outcome(await this.parking().retry(id, operator.subject));
  }

  @Post(':id/skip')
  @HttpCode(200)
  async skip(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() operator: Principal) {
    const parsed = skipBody.safeParse(body ?? {});
    if (!parsed.success)
      throw new BadRequestException(parsed.error.issues.map((issue) => issue.message).join('; '));
    return this.outcome(await this.parking().skip(id, operator.subject, parsed.data.reason));
  }

  private parking() {
    if (!this.consumer)
      throw new NotFoundException('this service consumes no topics, so nothing is ever parked');
    return this.consumer.parking;
  }

  private outcome(resolution: Awaited<ReturnType<InboxConsumer['parking']['retry']>>) {
    if (resolution.ok) return resolution;
    if (resolution.error === 'not-found') throw new NotFoundException(resolution.message);
    throw new ConflictException(resolution);
  }
}
