import type { Decider, NewEvent } from '@vl/contracts';
import { foldEvents } from '@vl/contracts';
import type { EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';

/** An aggregate's state folded from its own stream, and the stream's version to append at. */
export interface AggregateState<TState> {
  readonly state: TState;
  readonly version: number;
}

type Folding<TState, TEvent extends NewEvent> = Pick<
  Decider<unknown, TState, TEvent, unknown, unknown>,
  'evolve' | 'initialState'
>;

/** Loads the stream (each event read through its contract) in the caller's transaction and folds it. */
export async function loadAggregate<TState, TEvent extends NewEvent>(
  store: EventStore,
  streamId: string,
  decider: Folding<TState, TEvent>,
  manager: EntityManager,
): Promise<AggregateState<TState>> {
  // an aggregate's stream holds only the events its own decider decided
  const history = (await store.loadStream(streamId, manager)) as readonly NewEvent[] as readonly TEvent[];
  return { state: foldEvents(decider, history), version: history.length };
}

/** The expectation an append states for a stream folded at `version`. */
export const expectedAt = (version: number) => (version === 0 ? ('no-stream' as const) : version);
