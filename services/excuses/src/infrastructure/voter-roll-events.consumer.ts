import { Injectable } from '@nestjs/common';
import { precinctRegistered } from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { PrecinctsOnRecord } from './precincts.repository';

/** voter-roll's precincts: their zone gives the polling hours registry facts are read against. */
@Injectable()
export class VoterRollEventsConsumer implements EventConsumer {
  readonly handlers = new EventHandlers().on(precinctRegistered, (event, tx) =>
    this.precincts.record(tx, event.payload, event.eventId),
  );

  constructor(private readonly precincts: PrecinctsOnRecord) {}
}
