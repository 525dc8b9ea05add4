import { Body, Controller, Get, HttpCode, Inject, Post, UnprocessableEntityException } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { DrillAdvanceRefused } from '@vl/clock';
import { z } from 'zod';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { SERVICE_CLOCK, type ServiceClock } from './service-clock';

const advanceBody = z
  .strictObject({
    by: z.string().min(1, 'expected an ISO 8601 duration such as P5Y, P14D or PT6H').optional(),
    to: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 instant with its offset' }).optional(),
  })
  .refine((body) => (body.by === undefined) !== (body.to === undefined), {
    message: 'give either by (an ISO 8601 duration) or to (a later instant), not both',
  });

/** The shared drill clock of a drill, routed only when the service runs on it: read it, or move it forward. */
@Controller('drill-clock')
@Roles('cec-operator')
@Scoped(Scope.national())
export class DrillClockController {
  constructor(@Inject(SERVICE_CLOCK) private readonly clock: ServiceClock) {}

  /** The drill clock's time, speed and drill. */
  @Get()
  read() {
    const drill = this.drill();
    return {
      now: drill.clock.now().toISOString(),
      speed: drill.clock.epoch.speed,
      drillId: drill.clock.epoch.drillId,
    };
  }

  /** Moves the drill clock forward at once for every service of the drill (e.g. {"by":"P5Y"}); never back. */
  @Post('advance')
  @HttpCode(200)
  // advancing by a duration twice moves the clock twice: a retry must not
  @Idempotent()
  async advance(
    @Body(new ZodValidationPipe(advanceBody)) body: z.infer<typeof advanceBody>,
    @CurrentPrincipal() operator: Principal,
  ) {
    const drill = this.drill();
    const advance = body.by !== undefined ? { by: body.by } : { to: body.to as string };
    try {
      const epoch = await drill.store.advance(
        advance,
        `advanced ${JSON.stringify(advance)} by ${operator.subject}`,
      );
      await drill.clock.refresh();
      return { now: new Date(epoch.drillAtMs).toISOString(), speed: epoch.speed, drillId: epoch.drillId };
    } catch (error) {
      if (error instanceof DrillAdvanceRefused) throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }

  private drill() {
    // routed only on the drill clock (ServiceKitModule), so the drill is always there
    return this.clock.opened?.drill as NonNullable<NonNullable<ServiceClock['opened']>['drill']>;
  }
}
