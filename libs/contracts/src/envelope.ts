import { z } from 'zod';

/** The metadata every event carries, whatever its payload; the payload is validated by its own contract. */
export const eventEnvelopeSchema = z.object({
  eventId: z.uuidv7(),
  type: z.string().regex(/^[A-Z][A-Za-z]+$/, 'expected a PascalCase past-tense event name'),
  schemaVersion: z.number().int().positive(),
  streamId: z.string().min(1).max(200),
  streamVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: false }),
  recordedAt: z.iso.datetime({ offset: false }),
  producer: z.string().min(1),
  correlationId: z.uuid(),
  causationId: z.uuid().nullable(),
  // Kafka message key: the voter for voter-scoped events so one voter's events stay in order
  partitionKey: z.string().min(1),
  payload: z.unknown(),
});

export type EventEnvelope<TType extends string = string, TPayload = unknown> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'type' | 'payload'
> & { readonly type: TType; readonly payload: TPayload };

/** An event as a decider emits it, before the store gives it a stream position and a record time. */
export interface NewEvent<TType extends string = string, TPayload = unknown> {
  readonly type: TType;
  readonly payload: TPayload;
}
