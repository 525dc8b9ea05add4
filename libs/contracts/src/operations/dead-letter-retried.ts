import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  DEAD_LETTER_KEY_DESCRIPTION,
  deadLetterPartitionKey,
  deadLetteredMessageShape,
} from './dead-lettered-message';

export const deadLetterRetried = defineEvent({
  type: 'DeadLetterRetried',
  owner: 'any',
  stream: 'operations',
  version: 1,
  schema: z.strictObject({
    ...deadLetteredMessageShape,
    operator: z.string().min(1).max(200).describe("The subject of the operator's token."),
  }),
  partitionKey: deadLetterPartitionKey,
  partitionKeyDescription: DEAD_LETTER_KEY_DESCRIPTION,
  description:
    'An operator asked the consumer group to process a parked message again (e.g. after a fix was deployed); ' +
    'the later events of its key stay parked until it succeeds or is skipped.',
});

export type DeadLetterRetriedPayload = PayloadOf<typeof deadLetterRetried>;
export type DeadLetterRetried = NewEventOf<typeof deadLetterRetried>;
