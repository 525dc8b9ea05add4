import type { EventHandlers } from '@vl/messaging';

export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');

/** A service's reactions to other services' events, registered per contract, each applied exactly once. */
export interface EventConsumer {
  readonly handlers: EventHandlers;
}
