import { foldEvents, type Decider, type NewEvent, type Result } from '@vl/contracts';
import type { AppendContext, EventStore } from '@vl/event-store';
import type { EntityManager } from 'typeorm';

export interface StreamCommand<TCommand, TContext> {
  readonly streamId: string;
  readonly command: TCommand;
  readonly context: TContext;
  /** the consumed message the command answers: its events' causation */
  readonly causationId?: string;
}

export interface StreamDecision<TState, TEvent, TRejection> {
  readonly streamId: string;
  readonly decision: Result<readonly TEvent[], TRejection>;
  /** the stream's state after the decided events */
  readonly state: TState;
  /** the stream's version after them */
  readonly version: number;
}

/**
 * decideInTransaction for a page of streams: one query loads them all, each command is decided on its own folded
 * stream, and every decided event is appended in one statement, each stream at its expected version. A conflict
 * fails the caller's transaction, which the consumer or the deadline runner tries again whole.
 */
export async function decideManyInTransaction<
  TCommand,
  TState,
  TEvent extends NewEvent,
  TRejection,
  TContext,
>(
  tx: EntityManager,
  store: EventStore,
  decider: Decider<TCommand, TState, TEvent, TRejection, TContext>,
  commands: readonly StreamCommand<TCommand, TContext>[],
  appendContext: AppendContext = {},
  /** streams the caller's read model says exist; the others are new and not read (their append expects none) */
  existing?: ReadonlySet<string>,
): Promise<StreamDecision<TState, TEvent, TRejection>[]> {
  const histories = await store.loadStreams(
    [...new Set(commands.map((item) => item.streamId))].filter((id) => !existing || existing.has(id)),
    tx,
  );
  const current = new Map<string, { state: TState; version: number }>();
  const pending = new Map<string, { expected: number; events: TEvent[]; causationId?: string }>();
  const decisions: StreamDecision<TState, TEvent, TRejection>[] = [];
  for (const { streamId, command, context, causationId } of commands) {
    let stream = current.get(streamId);
    if (!stream) {
      const history = (histories.get(streamId) ?? []) as readonly NewEvent[] as readonly TEvent[];
      stream = { state: foldEvents(decider, history), version: history.length };
    }
    const decision = decider.decide(command, stream.state, context);
    if (decision.ok && decision.value.length > 0) {
      const appended = pending.get(streamId) ?? {
        expected: stream.version,
        events: [],
        ...(causationId ? { causationId } : {}),
      };
      appended.events.push(...decision.value);
      pending.set(streamId, appended);
      stream = {
        state: decision.value.reduce(decider.evolve, stream.state),
        version: stream.version + decision.value.length,
      };
    }
    current.set(streamId, stream);
    decisions.push({ streamId, decision, ...stream });
  }
  await store.append(
    [...pending].map(([streamId, { expected, events, causationId }]) => ({
      streamId,
      expectedVersion: expected === 0 ? ('no-stream' as const) : expected,
      events,
      ...(causationId ? { causationId } : {}),
    })),
    appendContext,
    tx,
  );
  return decisions;
}
