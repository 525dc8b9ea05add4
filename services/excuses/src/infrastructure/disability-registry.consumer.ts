import { Inject, Injectable } from '@nestjs/common';
import { registeredDisabilityRecorded } from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { RegisteredDisabilitiesRepository } from './registered-disabilities.repository';

/** Voter-roll's RegisteredDisabilityRecorded (voter-roll.disability-registry.v1) kept once, in the inbox's transaction. */
@Injectable()
export class DisabilityRegistryConsumer implements EventConsumer {
  readonly handlers = new EventHandlers().on(registeredDisabilityRecorded, (event, tx) =>
    this.disabilities.record(tx, event.payload, event.eventId),
  );

  constructor(
    @Inject(RegisteredDisabilitiesRepository) private readonly disabilities: RegisteredDisabilitiesRepository,
  ) {}
}
