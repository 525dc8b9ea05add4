import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/** The file is the request body, streamed as it arrives: `Content-Type: text/csv`. */
export function csvBody(request: Request): Request {
  const type = request.headers['content-type'] ?? '';
  if (!/^text\/csv\b/i.test(type)) {
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Content-Type: expected text/csv, with the CSV file itself as the request body',
      errors: [{ field: 'Content-Type', rule: 'expected text/csv' }],
    });
  }
  return request;
}
