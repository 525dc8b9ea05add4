import { z } from 'zod';
import { TOPIC_NAME_PATTERN } from './topic-name';

// Only the format failure gets the custom wording; a missing or mistyped field keeps the generic rule ("required").
const onFormat =
  (rule: string) =>
  (issue: { readonly code?: string }): string | undefined =>
    issue.code === 'invalid_format' ? rule : undefined;

const DATE_RULE = 'expected a date YYYY-MM-DD';
const TIME_OF_DAY_RULE = 'expected a time HH:MM (00:00 to 23:59)';
const TIME_ZONE_RULE = 'expected an IANA time zone name such as Asia/Bishkek';

/** A calendar date with no time and no zone, e.g. an election day; zod's pattern rejects 2025-02-30. */
export function isoDate() {
  return z.iso.date({ error: onFormat(DATE_RULE) });
}

const TIME_OF_DAY = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A wall-clock time in the event's own time zone, minutes precision. */
export function timeOfDay() {
  return z.string().regex(TIME_OF_DAY, { error: onFormat(TIME_OF_DAY_RULE) });
}

/** Minutes since local midnight of a well-formed HH:MM, for comparing two times of one day. */
export function minutesOfDay(time: string): number | null {
  if (!TIME_OF_DAY.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

// Area/Location segments each start upper-case; this rejects offsets like +06:00 that Intl would also accept
const IANA_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;
const knownZones = new Map<string, string | null>();

/** The zone's spelling as this runtime's tz database resolves it, or null when the runtime does not know it. */
function resolveTimeZone(name: string): string | null {
  const cached = knownZones.get(name);
  if (cached !== undefined) return cached;
  let resolved: string | null;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    resolved = null;
  }
  knownZones.set(name, resolved);
  return resolved;
}

/** An IANA tz database name in its exact spelling (Asia/Bishkek, not asia/bishkek, not +06:00). */
export function ianaTimeZone() {
  return z
    .string()
    .max(64, { abort: true })
    .regex(IANA_SHAPE, { error: onFormat(TIME_ZONE_RULE), abort: true })
    .superRefine((name, context) => {
      const resolved = resolveTimeZone(name);
      if (resolved === name) return;
      context.addIssue({
        code: 'custom',
        input: name,
        message: resolved === null ? TIME_ZONE_RULE : `expected the IANA spelling ${resolved}`,
      });
    });
}

/** Any RFC 9562 UUID (ids minted by other systems need not be v7). */
export function uuid() {
  return z.uuid({ error: onFormat('expected a UUID') });
}

/** A Kafka offset: a signed 64-bit integer does not fit a JSON number, so it travels as canonical digits. */
export function kafkaOffset() {
  return z
    .string()
    .max(19)
    .regex(/^(?:0|[1-9][0-9]*)$/, {
      error: onFormat('expected a Kafka offset: decimal digits, no leading zeros'),
    });
}

export function topicNameField() {
  return z
    .string()
    .max(249)
    .regex(TOPIC_NAME_PATTERN, { error: onFormat('expected a topic name <service>.<stream>.v<major>') });
}

/** Text a person typed: the minimum counts visible characters, so spaces cannot pad it. */
export function text(min: number, max: number) {
  return z
    .string()
    .min(min, { abort: true })
    .max(max)
    .refine((value) => value.trim().length >= min, {
      error:
        min === 1
          ? 'expected visible characters, not only spaces'
          : `expected at least ${min} characters besides surrounding spaces`,
    });
}
