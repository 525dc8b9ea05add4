export { encodeEventMessage } from './event-message';
export { EventHandlers, type BatchEventHandler, type EventHandler } from './event-handlers';
export { InboxConsumer, type InboxConsumerOptions, type ParseResult } from './inbox-consumer';
export { MessagingTables1763860000001 } from './messaging-tables.migration';
export { OutboxRelay, type RelayOptions } from './outbox-relay';
export { ParkingLot, type MessageLocation, type ParkedMessage, type Resolution } from './parking-lot';
export { ensureTopics } from './topics';
export { parseEventMessage } from './parse-event-message';
