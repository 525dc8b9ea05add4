import { Injectable } from '@nestjs/common';
import { electionCalled } from '@vl/contracts';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { electionOnRecordOf } from './election-on-record';
import { ElectionsOnRecord } from './elections.repository';

/** ElectionCalled from voter-roll.elections.v1, applied once in the consumer's transaction. */
@Injectable()
export class ElectionsConsumer implements EventConsumer {
  readonly handlers = new EventHandlers().on(electionCalled, (event, tx) =>
    this.elections.record(tx, electionOnRecordOf(event.payload), event.eventId),
  );

  constructor(private readonly elections: ElectionsOnRecord) {}
}
