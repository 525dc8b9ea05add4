import { z } from 'zod';
import { kafkaOffset, topicNameField, uuid } from '../field-formats';

/** Where a parked (dead-lettered) message sits, as a consumer group saw it; shared by every dead-letter decision. */
export const deadLetteredMessageShape = {
  consumerGroup: z.string().min(1).max(255).describe('The consumer group that parked the message.'),
  topic: topicNameField().describe('The topic the message was read from.'),
  partition: z.number().int().min(0).describe('The Kafka partition of the message.'),
  offset: kafkaOffset().describe('The Kafka offset of the message, as decimal digits (a 64-bit integer).'),
  eventId: uuid().nullable().describe('The event id, or null when the message could not be parsed at all.'),
  key: z.string().max(1024).nullable().describe('The Kafka message key (null when the message had none).'),
} as const;

/** Same key as the parking consumer's sequence: the decision about one parked key is read in order. */
export function deadLetterPartitionKey(payload: {
  readonly consumerGroup: string;
  readonly key: string | null;
}): string {
  return `${payload.consumerGroup}:${payload.key ?? 'null'}`;
}

export const DEAD_LETTER_KEY_DESCRIPTION = '<consumerGroup>:<key>, a null key written as the text null';
