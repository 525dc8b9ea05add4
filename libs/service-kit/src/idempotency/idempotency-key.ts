import { BadRequestException } from '@nestjs/common';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

// RFC draft "The Idempotency-Key HTTP Header Field": an opaque string; a UUID is what clients usually send
const KEY = /^[\x21-\x7e]{8,255}$/;

/** The request's Idempotency-Key, undefined when it sent none; a malformed one is a 400 naming the header. */
export function idempotencyKeyOf(headers: Readonly<Record<string, string | string[] | undefined>>) {
  const value = headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && KEY.test(value)) return value;
  const rule = 'expected one key of 8 to 255 visible ASCII characters, e.g. a UUID';
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${IDEMPOTENCY_KEY_HEADER}: ${rule}`,
    errors: [{ field: IDEMPOTENCY_KEY_HEADER, rule }],
  });
}
