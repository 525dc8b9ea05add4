import { Inject, Injectable } from '@nestjs/common';
import { voterAbsent } from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { AbsenceCases } from '../application/absence-cases';

/** Turnout's VoterAbsent (turnout.absences.v1), a batch at a time: each absence recorded exactly once. */
@Injectable()
export class TurnoutEventsConsumer implements EventConsumer {
  readonly handlers = new EventHandlers().onBatch(voterAbsent, (events, tx) => this.cases.record(events, tx));

  constructor(@Inject(AbsenceCases) private readonly cases: AbsenceCases) {}
}
