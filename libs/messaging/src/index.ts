export { encodeEventMessage } from './event-message';
export {
  InboxConsumer,
  type BatchEventHandler,
  type EventHandler,
  type InboxConsumerOptions,
  type ParseResult,
} from './inbox-consumer';
export { MessagingTables1763860000001 } from './messaging-tables.migration';
export { OutboxRelay, type RelayOptions } from './outbox-relay';
export { ParkingLot, type MessageLocation, type ParkedMessage, type Resolution } from './parking-lot';
export { ensureTopics } from './topics';
export { parseEventMessage } from './parse-event-message';
