import type { z } from 'zod';

/** One kind of deadline ("the excuse window closes"): its name and the schema of what it carries. */
export interface DeadlineKind<TPayload> {
  readonly name: string;
  readonly payload: z.ZodType<TPayload>;
}

export function deadlineKind<TSchema extends z.ZodType>(
  name: string,
  payload: TSchema,
): DeadlineKind<z.output<TSchema>> {
  if (!/^[a-z][a-z0-9.-]{0,99}$/.test(name))
    throw new Error(`deadline kind ${name}: expected a lower-case name (a-z, 0-9, . -)`);
  return { name, payload: payload as z.ZodType<z.output<TSchema>> };
}

/** A deadline to schedule: when the clock passes `dueAt`, the handler of `kind` fires once for `key`. */
export interface DeadlineRequest<TPayload> {
  readonly kind: DeadlineKind<TPayload>;
  /** unique within the kind: scheduling the same (kind, key) again changes nothing */
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: TPayload;
}

/** A deadline whose time has come, its payload parsed through its kind's schema. */
export interface DueDeadline<TPayload> {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: TPayload;
  /** failed firings so far */
  readonly attempts: number;
}
