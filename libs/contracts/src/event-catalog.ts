import { EventCatalog, type EnvelopeOf } from './catalog';
import { deadLetterRetried } from './operations/dead-letter-retried';
import { deadLetterSkipped } from './operations/dead-letter-skipped';
import { electionCalled } from './voter-roll/election-called';

/** Every event of the ledger; adding one is its own file plus one line here. */
export const eventCatalog = new EventCatalog([
  // voter-roll
  electionCalled,
  // any service, in its own operations stream
  deadLetterRetried,
  deadLetterSkipped,
]);

/** Any event the ledger knows, as a consumer receives it; switch on `type` to narrow the payload. */
export type LedgerEvent = EnvelopeOf<typeof eventCatalog extends EventCatalog<infer D> ? D : never>;
