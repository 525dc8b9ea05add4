import { Injectable } from '@nestjs/common';
import {
  topicName,
  type AbsenteeCertificateIssuedPayload,
  type ElectionCalledPayload,
  type PrecinctRegisteredPayload,
  type VoterIncludedOnPollingDayPayload,
  type VoterListedPayload,
  type VoterListFinalizedPayload,
} from '@vl/contracts';
import type { EventHandlers } from '@vl/ledger';
import type { EventHandler } from '@vl/messaging';
import { scheduledElectionOf } from '../domain/scheduled-election';
import { ElectoralRollRepository } from './electoral-roll.repository';
import { PrecinctsRepository } from './precincts.repository';
import { ScheduledElectionsRepository } from './scheduled-elections.repository';

/**
 * Turnout learns of elections, precincts and voter lists from voter-roll's topics, each event applied exactly
 * once in the consumer's transaction. CommissionMemberAppointed is not kept: turnout has no use for it.
 */
@Injectable()
export class VoterRollEventHandlers implements EventHandlers {
  readonly topics = [
    topicName('voter-roll', 'elections', 1),
    topicName('voter-roll', 'precincts', 1),
    topicName('voter-roll', 'voter-lists', 1),
  ];

  constructor(
    private readonly elections: ScheduledElectionsRepository,
    private readonly precincts: PrecinctsRepository,
    private readonly roll: ElectoralRollRepository,
  ) {}

  handlers(): Record<string, EventHandler> {
    return {
      ElectionCalled: (event, tx) =>
        this.elections.record(tx, scheduledElectionOf(event.payload as ElectionCalledPayload), event.eventId),
      PrecinctRegistered: (event, tx) =>
        this.precincts.record(tx, event.payload as PrecinctRegisteredPayload, event.eventId),
      VoterListed: (event, tx) =>
        this.roll.recordListed(tx, event.payload as VoterListedPayload, event.eventId),
      VoterListFinalized: (event, tx) =>
        this.roll.recordFinalized(tx, event.payload as VoterListFinalizedPayload, event.eventId),
      AbsenteeCertificateIssued: (event, tx) =>
        this.roll.recordTransfer(tx, event.payload as AbsenteeCertificateIssuedPayload, event.eventId),
      VoterIncludedOnPollingDay: (event, tx) =>
        this.roll.recordInclusion(tx, event.payload as VoterIncludedOnPollingDayPayload, event.eventId),
    };
  }
}
