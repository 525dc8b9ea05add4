import { Injectable } from '@nestjs/common';
import type { EventHandlers } from '@vl/ledger';
import type { BatchEventHandler, EventHandler } from '@vl/messaging';
import { TurnoutEventHandlers } from './turnout-events.handlers';
import { VoterRollEventHandlers } from './voter-roll-events.handlers';

/** Everything turnout's one consumer group reads: voter-roll's lists and turnout's own check-ins and alerts. */
@Injectable()
export class ProjectionHandlers implements EventHandlers {
  readonly topics: readonly string[];

  constructor(
    private readonly voterRoll: VoterRollEventHandlers,
    private readonly turnout: TurnoutEventHandlers,
  ) {
    this.topics = [...voterRoll.topics, ...turnout.topics];
  }

  handlers(): Record<string, EventHandler> {
    return { ...this.voterRoll.handlers(), ...this.turnout.handlers() };
  }

  batchHandlers(): Record<string, BatchEventHandler> {
    return this.turnout.batchHandlers();
  }
}
