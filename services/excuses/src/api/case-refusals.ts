import { HttpException, NotFoundException } from '@nestjs/common';
import type { CaseRejection } from '../application/excuse-cases';

// the request field each refusal of the case's rules is about
const FIELD_OF: Readonly<Record<string, string>> = {
  'unknown-absence': 'personalNumber',
  'already-excused': 'personalNumber',
  'case-id-reused': 'caseId',
  'category-not-admitted': 'category',
  'documents-required': 'documents',
  'unknown-case': 'caseId',
  'not-pending': 'caseId',
  'already-appealed': 'caseId',
  'not-rejected': 'caseId',
  'not-appealed': 'caseId',
  'unknown-claim': 'claimId',
};

// filed after the rule's last second: the request is well formed but too late to count
const LATE = new Set(['excuse-window-closed', 'appeal-late']);

/** A refusal of the case's rules as the one 4xx shape: 404 nothing to act on, 422 too late, 409 otherwise. */
export function caseRefused(rejection: CaseRejection): HttpException {
  const body = (status: number) => ({
    statusCode: status,
    error: rejection.code,
    message: rejection.message,
    errors: [
      { field: FIELD_OF[rejection.code] ?? '(request)', rule: `${rejection.code}: ${rejection.message}` },
    ],
  });
  if (
    rejection.code === 'unknown-absence' ||
    rejection.code === 'unknown-case' ||
    rejection.code === 'unknown-claim'
  )
    return new NotFoundException(body(404));
  const status = LATE.has(rejection.code) ? 422 : 409;
  return new HttpException(body(status), status);
}
