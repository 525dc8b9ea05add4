import { foldEvents, type Decider, type NewEvent, type Result } from '@vl/contracts';
import type { AppendContext, EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from './command-handling';

/**
 * decideAndAppend inside a transaction the caller owns (a consumer's batch, a deadline's firing): the stream is
 * loaded and appended to in `tx`, so the decision commits with the caller's other effects (its inbox record, a
 * deadline scheduled or marked fired). No retry here: a stream-version conflict fails the transaction, and the
 * consumer or the deadline runner tries it again whole.
 */
export async function decideInTransaction<TCommand, TState, TEvent extends NewEvent, TRejection, TContext>(
  tx: EntityManager,
  store: EventStore,
  streamId: string,
  decider: Decider<TCommand, TState, TEvent, TRejection, TContext>,
  command: TCommand,
  context: TContext,
  appendContext: AppendContext = {},
): Promise<Result<RecordedEvent<TEvent>[], TRejection>> {
  // an aggregate's stream holds only the events its own decider decided
  const history = (await store.loadStream(streamId, tx)) as readonly NewEvent[] as readonly TEvent[];
  const decision = decider.decide(command, foldEvents(decider, history), context);
  if (!decision.ok) return decision;
  if (decision.value.length === 0) return { ok: true, value: [] };
  const expectedVersion = history.length === 0 ? 'no-stream' : history.length;
  const recorded = await store.append(
    [{ streamId, expectedVersion, events: decision.value }],
    appendContext,
    tx,
  );
  return { ok: true, value: recorded as RecordedEvent<TEvent>[] };
}
