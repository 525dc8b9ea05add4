import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import { actingAs, CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import { ZodValidationPipe } from '@vl/service-kit';
import { z } from 'zod';
import { Appointments } from '../application/poll-workers/appointments';
import { RegisterPollWorkers } from '../application/poll-workers/register-poll-worker';
import { electionIdField, precinctIdField } from './request-fields';

const subjectField = () =>
  z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/,
      'expected a token subject: letters, digits and . _ : @ - (at most 128)',
    );
const precinctParams = z.strictObject({ electionId: electionIdField(), precinctId: precinctIdField() });
const subjectParams = z.strictObject({ electionId: electionIdField(), subject: subjectField() });
const registerPollWorkerRequest = z.strictObject({
  subject: subjectField(),
  deviceIds: z
    .array(
      z
        .string()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
          'expected a device id: letters, digits and . _ : - (at most 100)',
        ),
    )
    .max(20, 'expected at most 20 devices'),
});

/** Who may act where: the appointments the identity provider issues scoped tokens from. */
@Controller('elections/:electionId')
export class AppointmentsController {
  constructor(
    private readonly register: RegisterPollWorkers,
    private readonly appointments: Appointments,
  ) {}

  /**
   * The chair of a precinct commission registers a poll worker and their poll books for the election; the chair's
   * token names them by their personal number. Registering the same again changes nothing.
   */
  @Post('precincts/:precinctId/poll-workers')
  @HttpCode(201)
  @Roles('commission')
  @Scoped(Scope.precinct('params.precinctId'))
  async registerPollWorker(
    @Param(new ZodValidationPipe(precinctParams)) { electionId, precinctId }: z.infer<typeof precinctParams>,
    @Body(new ZodValidationPipe(registerPollWorkerRequest))
    request: z.infer<typeof registerPollWorkerRequest>,
    @CurrentPrincipal() chair: Principal,
  ) {
    const outcome = await this.register.run({
      electionId,
      precinctId,
      ...request,
      registeredBy: actingAs(chair, 'commission'),
    });
    if (outcome.ok)
      return {
        electionId,
        precinctId,
        subject: request.subject,
        deviceIds: [...new Set(request.deviceIds)].sort(),
      };
    const { code, message } = outcome.error;
    if (code === 'not-the-chair')
      throw new ForbiddenException({
        statusCode: 403,
        error: code,
        message,
        errors: [{ field: 'authorization', rule: message }],
      });
    throw new NotFoundException({ statusCode: 404, error: code, message });
  }

  /** For the identity provider: which scoped tokens a subject may be issued for this election. */
  @Get('appointments/:subject')
  @Roles('cec-operator')
  @Scoped(Scope.national())
  async appointmentsOf(
    @Param(new ZodValidationPipe(subjectParams)) { electionId, subject }: z.infer<typeof subjectParams>,
  ) {
    return { electionId, subject, appointments: await this.appointments.of(electionId, subject) };
  }
}
