import type { z } from 'zod';
import {
  contractViolation,
  fieldIssuesOf,
  type ContractViolation,
  type FieldIssue,
} from './contract-violation';
import type { AnyEventDefinition, PayloadSchema } from './define-event';
import { ruleOf } from './issue-rules';
import { err, ok, type Result } from './result';

export interface PayloadSubject {
  readonly eventId: string | null;
}

/** The payload schema a definition had at `version` (1-based), or null when it never had that version. */
export function schemaAtVersion(definition: AnyEventDefinition, version: number): PayloadSchema | null {
  if (version === definition.version) return definition.schema;
  return definition.upcasters[version - 1]?.fromSchema ?? null;
}

/**
 * Validates a payload written at `version` against that version's schema, then upcasts it step by step to the
 * definition's current version, validating every step; the result is a current-version payload.
 */
export function readPayloadAt(
  definition: AnyEventDefinition,
  version: number,
  payload: unknown,
  subject: PayloadSubject,
): Result<z.output<PayloadSchema>, ContractViolation> {
  const { type } = definition;
  const schema = schemaAtVersion(definition, version);
  if (schema === null) {
    return err(
      contractViolation(
        'unsupported-version',
        { eventType: type, eventId: subject.eventId, schemaVersion: version },
        [
          {
            path: `${type}.schemaVersion`,
            rule: `expected 1 to ${definition.version}; version ${version} is newer than this consumer knows: upgrade @vl/contracts`,
          },
        ],
      ),
    );
  }
  const written = schema.safeParse(payload, { error: ruleOf });
  const versionNote = version === definition.version ? '' : ` (schema v${version})`;
  if (!written.success) {
    return err(
      contractViolation(
        'invalid-payload',
        { eventType: type, eventId: subject.eventId, schemaVersion: version },
        fieldIssuesOf(`${type}.payload`, written.error, versionNote),
      ),
    );
  }
  let current: z.output<PayloadSchema> = written.data;
  const upcastFailed = (issues: readonly FieldIssue[]) =>
    err(
      contractViolation(
        'upcast-failed',
        { eventType: type, eventId: subject.eventId, schemaVersion: version },
        issues,
      ),
    );
  for (const step of definition.upcasters.slice(version - 1)) {
    const steps = `v${step.fromVersion}→v${step.fromVersion + 1}`;
    let upcast: unknown;
    try {
      upcast = step.upcast(current);
    } catch (error) {
      // a broken upcaster must park the event like a bad payload would, not crash the consumer
      const cause = error instanceof Error ? error.message : String(error);
      return upcastFailed([{ path: `${type}.payload`, rule: `upcaster ${steps} threw: ${cause}` }]);
    }
    const next = step.toSchema.safeParse(upcast, { error: ruleOf });
    if (!next.success)
      return upcastFailed(fieldIssuesOf(`${type}.payload`, next.error, ` (after upcasting ${steps})`));
    current = next.data;
  }
  return ok(current);
}
