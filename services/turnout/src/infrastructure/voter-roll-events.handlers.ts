import { Injectable } from '@nestjs/common';
import {
  absenteeCertificateIssued,
  electionCalled,
  precinctRegistered,
  voterIncludedOnPollingDay,
  voterListed,
  voterListFinalized,
} from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { scheduledElectionOf } from '../domain/scheduled-election';
import { ElectoralRollRepository } from './electoral-roll.repository';
import { PrecinctsRepository } from './precincts.repository';
import { ScheduledElectionsRepository } from './scheduled-elections.repository';

/**
 * Turnout learns of elections, precincts and voter lists from voter-roll's topics, each event applied exactly
 * once in the consumer's transaction. CommissionMemberAppointed is not kept: turnout has no use for it.
 */
@Injectable()
export class VoterRollEventHandlers implements EventConsumer {
  readonly handlers = new EventHandlers()
    .on(electionCalled, (event, tx) =>
      this.elections.record(tx, scheduledElectionOf(event.payload), event.eventId),
    )
    .on(precinctRegistered, (event, tx) => this.precincts.record(tx, event.payload, event.eventId))
    .on(voterListed, (event, tx) => this.roll.recordListed(tx, event.payload, event.eventId))
    .on(voterListFinalized, (event, tx) => this.roll.recordFinalized(tx, event.payload, event.eventId))
    .on(absenteeCertificateIssued, (event, tx) => this.roll.recordTransfer(tx, event.payload, event.eventId))
    .on(voterIncludedOnPollingDay, (event, tx) =>
      this.roll.recordInclusion(tx, event.payload, event.eventId),
    );

  constructor(
    private readonly elections: ScheduledElectionsRepository,
    private readonly precincts: PrecinctsRepository,
    private readonly roll: ElectoralRollRepository,
  ) {}
}
