import type { NewEvent, Result } from '@vl/contracts';
import type { AppendContext, EventStore, StoredEvent } from '@vl/event-store';
import { retryOnConflict } from './conflict-policy';

/** A pure decider (STYLE: decide(command, state) -> events, evolve(state, event) -> state). */
export interface Decider<TCommand, TState, TEvent extends NewEvent, TRejection> {
  readonly initialState: TState;
  evolve(state: TState, event: TEvent): TState;
  decide(command: TCommand, state: TState): Result<readonly TEvent[], TRejection>;
}

/**
 * Loads a stream, folds it, decides, and appends with the stream version as the expectation;
 * a concurrent writer means deciding again on the newer state.
 */
export async function decideAndAppend<TCommand, TState, TEvent extends NewEvent, TRejection>(
  store: EventStore,
  streamId: string,
  decider: Decider<TCommand, TState, TEvent, TRejection>,
  command: TCommand,
  context: AppendContext = {},
): Promise<Result<StoredEvent[], TRejection>> {
  return retryOnConflict(async () => {
    const history = await store.loadStream(streamId);
    const state = history.reduce(
      (current, event) => decider.evolve(current, event as unknown as TEvent),
      decider.initialState,
    );
    const decision = decider.decide(command, state);
    if (!decision.ok) return decision;
    const expectedVersion = history.length === 0 ? 'no-stream' : history.length;
    return {
      ok: true,
      value: await store.append([{ streamId, expectedVersion, events: decision.value }], context),
    };
  });
}
