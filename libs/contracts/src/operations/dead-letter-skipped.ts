import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text } from '../field-formats';
import {
  DEAD_LETTER_KEY_DESCRIPTION,
  deadLetterPartitionKey,
  deadLetteredMessageShape,
} from './dead-lettered-message';

export const deadLetterSkipped = defineEvent({
  type: 'DeadLetterSkipped',
  owner: 'any',
  stream: 'operations',
  version: 1,
  schema: z.strictObject({
    ...deadLetteredMessageShape,
    reason: text(10, 500).describe(
      'Why the operator skipped it; auditors read this for every gap in processing.',
    ),
    operator: z.string().min(1).max(200).describe("The subject of the operator's token."),
  }),
  partitionKey: deadLetterPartitionKey,
  partitionKeyDescription: DEAD_LETTER_KEY_DESCRIPTION,
  description:
    'An operator skipped a parked message: its consumer group moves past it and releases the later events of ' +
    'its key. The skip is itself an event, so a replay knows exactly which event was not applied, and why.',
});

export type DeadLetterSkippedPayload = PayloadOf<typeof deadLetterSkipped>;
export type DeadLetterSkipped = NewEventOf<typeof deadLetterSkipped>;
