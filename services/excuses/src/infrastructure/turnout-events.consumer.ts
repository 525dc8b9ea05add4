import { Inject, Injectable } from '@nestjs/common';
import { voterAbsent } from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { AbsenceCases } from '../application/absence-cases';

/** Turnout's VoterAbsent (turnout.absences.v1) opens the absence's excuse window, exactly once. */
@Injectable()
export class TurnoutEventsConsumer implements EventConsumer {
  readonly handlers = new EventHandlers().on(voterAbsent, (event, tx) => this.cases.openWindow(event, tx));

  constructor(@Inject(AbsenceCases) private readonly cases: AbsenceCases) {}
}
