import type { NewEvent } from './envelope';
import type { Result } from './result';

/**
 * The one shape of an aggregate's rules (STYLE: emmett's Decider): `decide` turns a command, the state folded
 * from the aggregate's own stream and the context the caller must supply (no defaults) into events or a
 * rejection; `evolve` folds one event into the state.
 */
export interface Decider<TCommand, TState, TEvent extends NewEvent, TRejection, TContext> {
  readonly initialState: TState;
  evolve(state: TState, event: TEvent): TState;
  decide(command: TCommand, state: TState, context: TContext): Result<readonly TEvent[], TRejection>;
}

/** A decision that needs nothing beyond the command and the state says so with this context. */
export type NoContext = Readonly<Record<string, never>>;
export const noContext: NoContext = Object.freeze({});

/** The state after a history of events, as a command handler folds it before deciding. */
export function foldEvents<TState, TEvent extends NewEvent>(
  decider: Pick<Decider<unknown, TState, TEvent, unknown, unknown>, 'evolve' | 'initialState'>,
  events: Iterable<TEvent>,
): TState {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
