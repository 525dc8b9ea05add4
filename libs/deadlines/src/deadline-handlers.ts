import type { EntityManager } from 'typeorm';
import type { DeadlineKind, DueDeadline } from './deadline-kind';

/**
 * What a deadline does: an ordinary decision whose events are appended in `tx` (store.append(requests, context, tx)),
 * the transaction that also records the deadline as fired.
 */
export type DeadlineHandler<TPayload> = (deadline: DueDeadline<TPayload>, tx: EntityManager) => Promise<void>;

interface Registered {
  readonly kind: DeadlineKind<unknown>;
  readonly handle: DeadlineHandler<unknown>;
}

/** A service's deadline handlers, one per kind, each receiving its kind's typed payload. */
export class DeadlineHandlers {
  private readonly byKind = new Map<string, Registered>();

  on<TPayload>(kind: DeadlineKind<TPayload>, handle: DeadlineHandler<TPayload>): this {
    if (this.byKind.has(kind.name)) throw new Error(`deadline kind ${kind.name} has a handler already`);
    this.byKind.set(kind.name, {
      kind: kind as DeadlineKind<unknown>,
      handle: handle as DeadlineHandler<unknown>,
    });
    return this;
  }

  get kinds(): readonly string[] {
    return [...this.byKind.keys()];
  }

  handlerOf(kind: string): Registered | undefined {
    return this.byKind.get(kind);
  }
}
