import { foldEvents, type Decider, type NewEvent } from '@vl/contracts';

/**
 * Given / when / then for a pure decider (STYLE: emmett's DeciderSpecification): given the aggregate's past
 * events, when a command is decided with its context, then exactly these events, or this rejection.
 */
export interface DeciderSpecification<
  TCommand,
  TEvent extends NewEvent,
  TRejection,
  TContext,
  TState = unknown,
> {
  given(...history: readonly TEvent[]): {
    when(
      command: TCommand,
      context: TContext,
    ): {
      /** the decision's events, compared deeply and in order */
      then(expected: readonly TEvent[]): void;
      /** a rejection: its fields are matched (e.g. `{ code: 'not-checked-in' }`) */
      thenRejects(expected: Partial<TRejection>): void;
      /** the raw decision, for assertions the two above cannot express */
      decision(): ReturnType<Decider<TCommand, unknown, TEvent, TRejection, TContext>['decide']>;
      /** the state once the decision's events are folded in: what the aggregate answers next */
      state(): TState;
    };
  };
}

export function deciderSpecification<TCommand, TState, TEvent extends NewEvent, TRejection, TContext>(
  decider: Decider<TCommand, TState, TEvent, TRejection, TContext>,
): DeciderSpecification<TCommand, TEvent, TRejection, TContext, TState> {
  return {
    given: (...history) => ({
      when: (command, context) => {
        const decide = () => decider.decide(command, foldEvents(decider, history), context);
        const events = () => {
          const decision = decide();
          if (!decision.ok) {
            throw new Error(`expected events, got rejection ${JSON.stringify(decision.error)}`);
          }
          return decision.value;
        };
        return {
          then: (expected) => {
            expect(events()).toEqual(expected);
          },
          thenRejects: (expected) => {
            const decision = decide();
            if (decision.ok) {
              throw new Error(`expected a rejection, got events ${JSON.stringify(decision.value)}`);
            }
            expect(decision.error).toMatchObject(expected as object);
          },
          decision: decide,
          state: () => foldEvents(decider, [...history, ...events()]),
        };
      },
    }),
  };
}
