import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

// fixed for ever: changing it would give a retried call another election id
const ELECTION_ID_NAMESPACE = '6f1d3c2a-8b4e-5f7a-9c0d-1e2f3a4b5c6d';

/**
 * The id of an election being called: derived from the request's Idempotency-Key when it has one, so that a
 * retry whose first answer was lost finds its election already called instead of calling a second one.
 */
export function electionIdFor(idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined
    ? uuidv7()
    : uuidv5(`elections:${idempotencyKey}`, ELECTION_ID_NAMESPACE);
}
