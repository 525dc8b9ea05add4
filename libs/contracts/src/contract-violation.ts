import type { z } from 'zod';

/** Why an event broke its contract; a consumer parks the event and an operator reads the reason. */
export type ViolationReason =
  | 'unknown-type'
  | 'unsupported-version'
  | 'invalid-envelope'
  | 'invalid-payload'
  | 'not-the-owner'
  | 'upcast-failed'
  | 'partition-key-mismatch';

/** One broken rule: `path` starts with the event type, e.g. `ElectionCalled.payload.electionDate`. */
export interface FieldIssue {
  readonly path: string;
  readonly rule: string;
}

export interface ContractViolation {
  readonly reason: ViolationReason;
  /** The event type as the event claimed it, when it claimed one. */
  readonly eventType: string | null;
  /** The event id when it could be read, so the consumer can park by id. */
  readonly eventId: string | null;
  /** The schema version the payload was checked against, when it got that far. */
  readonly schemaVersion: number | null;
  readonly issues: readonly FieldIssue[];
  /** `path: rule` for every issue, joined by `; ` */
  readonly message: string;
}

export interface ViolationSubject {
  readonly eventType: string | null;
  readonly eventId?: string | null;
  readonly schemaVersion?: number | null;
}

export function contractViolation(
  reason: ViolationReason,
  subject: ViolationSubject,
  issues: readonly FieldIssue[],
): ContractViolation {
  return {
    reason,
    eventType: subject.eventType,
    eventId: subject.eventId ?? null,
    schemaVersion: subject.schemaVersion ?? null,
    issues,
    message: issues.map((issue) => `${issue.path}: ${issue.rule}`).join('; '),
  };
}

function pathOf(prefix: string, segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${String(segment)}`),
    prefix,
  );
}

/** Field issues from a zod error, each path under `prefix`; `ruleSuffix` names e.g. the schema version checked. */
export function fieldIssuesOf(prefix: string, error: z.ZodError, ruleSuffix = ''): readonly FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf(prefix, [...issue.path, key]),
          rule: `unknown field: the contract does not allow it${ruleSuffix}`,
        }))
      : [{ path: pathOf(prefix, issue.path), rule: `${issue.message}${ruleSuffix}` }],
  );
}
