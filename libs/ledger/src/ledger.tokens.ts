import type { BatchEventHandler, EventHandler } from '@vl/messaging';

export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');

/** A service's reactions to other services' events, each applied exactly once. */
export interface EventHandlers {
  readonly topics: readonly string[];
  handlers(): Readonly<Record<string, EventHandler>>;
  /** optional: types applied a run at a time on the fast path (the single-event handler stays for the slow one) */
  batchHandlers?(): Readonly<Record<string, BatchEventHandler>>;
}
