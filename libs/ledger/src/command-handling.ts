import { foldEvents, type Decider, type NewEvent, type Result } from '@vl/contracts';
import type { AppendContext, EventStore, StoredEvent } from '@vl/event-store';
import { retryOnConflict } from './conflict-policy';

/** An event the decider decided, as the store recorded it. */
export type RecordedEvent<TEvent extends NewEvent> = StoredEvent & TEvent;

/**
 * Loads the aggregate's stream (each event read through its contract), folds it, decides with the caller's
 * context and appends with the stream version as the expectation; a concurrent writer means deciding again on
 * the newer state (the ledger's conflict policy).
 */
export async function decideAndAppend<TCommand, TState, TEvent extends NewEvent, TRejection, TContext>(
  store: EventStore,
  streamId: string,
  decider: Decider<TCommand, TState, TEvent, TRejection, TContext>,
  command: TCommand,
  context: TContext,
  appendContext: AppendContext = {},
): Promise<Result<RecordedEvent<TEvent>[], TRejection>> {
  return retryOnConflict(async () => {
    // an aggregate's stream holds only the events its own decider decided
    const history = (await store.loadStream(streamId)) as readonly NewEvent[] as readonly TEvent[];
    const decision = decider.decide(command, foldEvents(decider, history), context);
    if (!decision.ok) return decision;
    const expectedVersion = history.length === 0 ? 'no-stream' : history.length;
    const recorded = await store.append(
      [{ streamId, expectedVersion, events: decision.value }],
      appendContext,
    );
    // the store answers with the decided events in order, stamped with their stream positions
    return { ok: true, value: recorded as RecordedEvent<TEvent>[] };
  });
}
