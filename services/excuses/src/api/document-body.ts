import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const tooLarge = () => {
  const rule = `expected at most ${MAX_DOCUMENT_BYTES} bytes (10 MB)`;
  return new PayloadTooLargeException({
    statusCode: 413,
    error: 'Payload Too Large',
    message: `(body): ${rule}`,
    errors: [{ field: '(body)', rule }],
  });
};

/** What the headers say of the file, checked before anything else: they tell nothing of anyone's absence. */
export function documentHeaders(request: Request): string {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    const rule = `expected ${DOCUMENT_CONTENT_TYPES.join(', ')}, with the file itself as the request body`;
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: `Content-Type: ${rule}`,
      errors: [{ field: 'Content-Type', rule }],
    });
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_DOCUMENT_BYTES) throw tooLarge();
  return contentType;
}

/** The file is the request body, read as it arrives: a PDF or a scan, at most 10 MB. */
export async function documentBody(request: Request): Promise<{ contentType: string; bytes: Buffer }> {
  const contentType = documentHeaders(request);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return { contentType, bytes: Buffer.concat(chunks) };
}
