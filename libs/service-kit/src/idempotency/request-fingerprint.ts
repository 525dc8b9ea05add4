import { createHash } from 'node:crypto';
import type { Request } from 'express';

type Principal = { readonly subject: string } | undefined;

/**
 * What makes two requests "the same" for one idempotency key: method, path, query, caller and body. A streamed
 * upload (a CSV file the handler reads itself) is not buffered to hash it: its content type and length stand in.
 */
export function requestFingerprint(request: Request & { principal?: Principal }): string {
  const streamed = request.body === undefined || !request.readableEnded;
  const described = {
    method: request.method,
    url: request.originalUrl,
    caller: request.principal?.subject ?? null,
    body: streamed
      ? {
          contentType: request.headers['content-type'] ?? null,
          contentLength: request.headers['content-length'] ?? null,
        }
      : (request.body as unknown),
  };
  return createHash('sha256').update(canonicalJson(described)).digest('hex');
}

// keys sorted at every level, so that {"a":1,"b":2} and {"b":2,"a":1} are one request
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
