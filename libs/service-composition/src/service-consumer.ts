import { Inject, Injectable, type Type } from '@nestjs/common';
import type { EventConsumer } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import { PolicyBook } from '@vl/policy/module';

/**
 * The service's one consumer group: every part's handlers and the policy book's (the service's own adoptions read
 * back from its policies topic: another instance's, or a replay's).
 */
export function serviceConsumerOf(consumers: readonly Type<EventConsumer>[]): Type<EventConsumer> {
  @Injectable()
  class ServiceConsumer implements EventConsumer {
    readonly handlers: EventHandlers;

    constructor(...parts: EventConsumer[]) {
      this.handlers = parts.reduce((all, part) => all.include(part.handlers), new EventHandlers());
    }
  }
  // constructor injection by position: the parts, then the policy book
  [...consumers, PolicyBook].forEach((token, index) => Inject(token)(ServiceConsumer, undefined, index));
  return ServiceConsumer;
}
