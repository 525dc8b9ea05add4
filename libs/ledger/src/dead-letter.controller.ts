import {
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
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { InboxConsumer } from '@vl/messaging';
import { Idempotent, ZodValidationPipe } from '@vl/service-kit';
import { z } from 'zod';
import { participationRead } from '@vl/contracts';
import { ParticipationReads } from './participation-reads/participation-reads';

// a voter-scoped event is keyed by the voter's personal number (ARCHITECTURE: topics)
const isPersonalNumber = (key: string) =>
  participationRead.schema.shape.personalNumber.safeParse(key).success;

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
@Scoped(Scope.national())
export class DeadLetterController {
  constructor(
    private readonly reads: ParticipationReads,
    @Optional() private readonly consumer?: InboxConsumer,
  ) {}

  /** Parked messages; their keys are mostly personal numbers, so each person listed is a recorded read. */
  @Get()
  async list(@CurrentPrincipal() operator: Principal) {
    if (!this.consumer) return [];
    const parked = await this.consumer.parking.list();
    const people = parked.flatMap(({ key }) =>
      key !== null && isPersonalNumber(key) ? [{ personalNumber: key, electionId: null }] : [],
    );
    await this.reads.record(operator, 'cec-operator', 'dead-letter-operations', { people });
    return parked;
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Idempotent()
  async retry(@Param('id') id: string, @CurrentPrincipal() operator: Principal) {
    return this.outcome(await this.parking().retry(id, operator.subject));
  }

  @Post(':id/skip')
  @HttpCode(200)
  @Idempotent()
  async skip(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(skipBody)) body: z.infer<typeof skipBody>,
    @CurrentPrincipal() operator: Principal,
  ) {
    return this.outcome(await this.parking().skip(id, operator.subject, body.reason));
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
