import { Injectable } from '@nestjs/common';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { TurnoutEventHandlers } from './turnout-events.handlers';
import { VoterRollEventHandlers } from './voter-roll-events.handlers';

/** Everything turnout's one consumer group reads: voter-roll's lists and turnout's own check-ins and alerts. */
@Injectable()
export class ProjectionHandlers implements EventConsumer {
  readonly handlers: EventHandlers;

  constructor(voterRoll: VoterRollEventHandlers, turnout: TurnoutEventHandlers) {
    this.handlers = new EventHandlers().include(voterRoll.handlers).include(turnout.handlers);
  }
}
