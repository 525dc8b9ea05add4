import { Injectable } from '@nestjs/common';
import { topicName, type ElectionCalledPayload } from '@vl/contracts';
import type { EventHandlers } from '@vl/ledger';
import type { EventHandler } from '@vl/messaging';
import { scheduledElectionOf } from '../domain/scheduled-election';
import { ScheduledElectionsRepository } from './scheduled-elections.repository';

/** Turnout learns of elections from voter-roll's topic, each event applied exactly once. */
@Injectable()
export class VoterRollEventHandlers implements EventHandlers {
  readonly topics = [topicName('voter-roll', 'elections', 1)];

  constructor(private readonly elections: ScheduledElectionsRepository) {}

  handlers(): Record<string, EventHandler> {
    return {
      ElectionCalled: (event, tx) =>
        this.elections.record(tx, scheduledElectionOf(event.payload as ElectionCalledPayload), event.eventId),
    };
  }
}
