import { Injectable } from '@nestjs/common';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { PolicyBook } from '@vl/policy/module';
import { TurnoutEventHandlers } from './turnout-events.handlers';
import { VoterRollEventHandlers } from './voter-roll-events.handlers';

/** Everything turnout's one consumer group reads: voter-roll's lists, turnout's own check-ins, alerts and policies. */
@Injectable()
export class ProjectionHandlers implements EventConsumer {
  readonly handlers: EventHandlers;

  constructor(voterRoll: VoterRollEventHandlers, turnout: TurnoutEventHandlers, policies: PolicyBook) {
    this.handlers = new EventHandlers()
      .include(voterRoll.handlers)
      .include(turnout.handlers)
      .include(policies.handlers);
  }
}
