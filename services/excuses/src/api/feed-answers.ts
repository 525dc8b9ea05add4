import { BadRequestException } from '@nestjs/common';
import type { Result } from '@vl/contracts';
import { z } from 'zod';
import type { FeedReport, FileRejected } from '../application/registry-feeds/feed-report';

/** A JSON submission fits the service's 100 kB request body limit; larger ones go as CSV. */
export const MAX_ITEMS_PER_REQUEST = 500;

/**
 * A JSON item's field as text: the request's shape (types, names) is checked whole with a 400, each item's
 * content row by row into the rejects, as a CSV line's is.
 */
export const itemField = (description: string, max = 200) => z.string().max(max).describe(description);

export function reportOrRefusal(outcome: Result<FeedReport, FileRejected>): FeedReport {
  if (outcome.ok) return outcome.value;
  const errors = outcome.error.issues.map(({ field, rule }) => ({ field, rule }));
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `the file was not read: ${errors.map((error) => `${error.field}: ${error.rule}`).join('; ')}`,
    errors,
  });
}
