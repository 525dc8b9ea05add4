import { canonicalJson } from '@vl/tamper-evident-log';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** One broken rule of one submitted row: the field as the submitter named it, and the rule in words. */
export interface FeedRowIssue {
  readonly field: string;
  readonly rule: string;
}

/** A row read into a fact, or every rule it broke. */
export type FeedRowOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly FeedRowIssue[] };

/** A submitted row by field name, every value as text (a CSV line, a JSON item). */
export type FeedRow = Readonly<Record<string, string | undefined>>;

export const INSTANT_RULE =
  'expected an ISO 8601 instant with its offset or Z, e.g. 2026-11-29T07:00:00+06:00';

// a date, a time to the minute or finer, and the offset that makes it one instant
const instantText = z.iso.datetime({ offset: true, error: INSTANT_RULE });

/** An instant as the registries send it (with an offset or Z), as UTC to the millisecond; null when it is none. */
export function utcInstant(value: string): string | null {
  if (!instantText.safeParse(value).success) return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/** Text of 1–max characters with something visible in it. */
export function textRule(value: string, max: number): string | null {
  if (value.length > max) return `expected at most ${max} characters`;
  if (value.trim().length === 0) return `expected 1–${max} characters, not only spaces`;
  return null;
}

/** The first rule a schema finds broken, or null. */
export function ruleOf(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid');
}

/**
 * The natural key of a fact: SHA-256 of its canonical JSON (RFC 8785), shaped as a UUID v7 (version and variant
 * bits) as envelopes require. The same row submitted again is the same event, which the store keeps once.
 */
export function factIdOf(kind: string, fact: object): { readonly sha256: string; readonly eventId: string } {
  const digest = createHash('sha256').update(canonicalJson({ kind, fact })).digest();
  const sha256 = digest.toString('hex');
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  const eventId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { sha256, eventId };
}
