import { HttpException } from '@nestjs/common';

/** One broken rule of a request: the field (a dotted path, a header name, or (body)) and the rule. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
}

/** The one shape of every 4xx answer of every service (ARCHITECTURE invariant 7: a 4xx names the field). */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly errors: readonly FieldError[];
}

export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
}

// ledger errors that are the caller's to fix; others stay 500
const LEDGER_ERROR_STATUSES: Readonly<Record<string, number>> = {
  EventContractViolation: 400,
  StreamVersionConflict: 409,
  EventIdReused: 409,
};

// a 4xx that names no field is about the request as a whole, or its credentials
const WHOLE_REQUEST_FIELD: Readonly<Record<number, string>> = { 401: 'Authorization', 403: 'Authorization' };

/** The answer a 4xx error gets, in the one shape; undefined for a failure that is not the caller's (5xx). */
export function errorAnswerOf(error: unknown): ErrorAnswer | undefined {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status >= 500) return undefined;
    return { status, body: httpErrorBody(status, error) };
  }
  const status = error instanceof Error ? LEDGER_ERROR_STATUSES[error.name] : undefined;
  if (status === undefined) return undefined;
  const { name, message } = error as Error;
  return {
    status,
    body: { statusCode: status, error: name, message, errors: ledgerFieldErrors(name, message) },
  };
}

function httpErrorBody(status: number, error: HttpException): ErrorBody {
  const response = error.getResponse();
  const given =
    typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = messageOf(given.message ?? response, error.message);
  const errors = Array.isArray(given.errors) ? (given.errors as FieldError[]) : undefined;
  return {
    statusCode: status,
    error: typeof given.error === 'string' ? given.error : error.name.replace(/Exception$/, ''),
    message,
    errors: errors ?? [{ field: WHOLE_REQUEST_FIELD[status] ?? '(request)', rule: message }],
  };
}

function messageOf(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join('; ');
  return fallback;
}

// an EventContractViolation's message is `Type.payload.field: rule; ...`: the field is the payload's own path
function ledgerFieldErrors(name: string, message: string): FieldError[] {
  if (name !== 'EventContractViolation') return [{ field: '(request)', rule: message }];
  return message.split('; ').map((part) => {
    const separator = part.indexOf(': ');
    if (separator < 0) return { field: '(event)', rule: part };
    const path = part.slice(0, separator);
    return {
      field: path.replace(/^[A-Za-z]+\.payload\.?/, '') || '(event)',
      rule: part.slice(separator + 2),
    };
  });
}
