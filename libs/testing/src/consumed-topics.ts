import type { Type } from '@nestjs/common';
import type { EventConsumer } from '@vl/ledger';

/**
 * The topics a service's consumer group subscribes to, read from its consumers as its module registers them: a
 * consumer registers its contracts when constructed and uses its dependencies only when a message arrives.
 */
export function consumedTopics(consumers: readonly Type<EventConsumer>[]): readonly string[] {
  const topics = consumers.flatMap(
    (consumer) => new (consumer as unknown as new () => EventConsumer)().handlers.topics,
  );
  return [...new Set(topics)].sort();
}
