import { z } from 'zod';
import { actorSchema } from '../actor';
import { fieldIssuesOf, type FieldIssue } from '../contract-violation';
import {
  ContractDefinitionError,
  defineEvent,
  type EventDefinition,
  type PayloadSchema,
} from '../define-event';
import { isoDate } from '../field-formats';
import { ruleOf } from '../issue-rules';
import { err, ok, type Result } from '../result';
import type { ServiceName } from '../service-name';
import { STREAM_NAME_PATTERN } from '../topic-name';
import { adoptedBySchema, type AdoptingBody } from './adopted-by';

/** Every service's policy adoptions travel on its `<service>.policies.v1` topic. */
export const POLICIES_STREAM = 'policies';

/** `<owner>.<name>`, e.g. `turnout.check-in`: the owner's name first, so kinds never collide across services. */
const KIND_PATTERN = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

export interface PolicyKindSpec<TKind extends string, TType extends string, TContent extends PayloadSchema> {
  readonly kind: TKind;
  readonly owner: ServiceName;
  /** who adopts it: the CEC, or the Cabinet of Ministers (benefit programs) */
  readonly adoptedBy: AdoptingBody;
  /** the event that adopts one, PascalCase past tense, e.g. `CheckInPolicyAdopted` */
  readonly eventType: TType;
  /** a z.strictObject: unknown fields are refused, amounts carry their own bounds */
  readonly content: TContent;
  readonly description: string;
}

function adoptionSchema<TKind extends string, TContent extends PayloadSchema>(
  kind: TKind,
  body: AdoptingBody,
  content: TContent,
) {
  return z.strictObject({
    kind: z.literal(kind).describe('The policy kind; one line of adoptions per kind.'),
    effectiveFrom: isoDate().describe(
      'The first election date (local, Asia/Bishkek) it applies to: an election applies the adoption with the ' +
        'latest effectiveFrom on or before its date.',
    ),
    adoptedBy: adoptedBySchema(body),
    actor: actorSchema.describe('Who recorded the adoption: the token subject and the role it acted in.'),
    content,
  });
}

export type PolicyAdoptedSchema<TKind extends string, TContent extends PayloadSchema> = ReturnType<
  typeof adoptionSchema<TKind, TContent>
>;

/** A kind of policy data (ARCHITECTURE invariant 6): its content schema and the event that adopts one. */
export interface PolicyKind<
  TKind extends string = string,
  TType extends string = string,
  TContent extends PayloadSchema = PayloadSchema,
> {
  readonly kind: TKind;
  readonly owner: ServiceName;
  readonly adoptingBody: AdoptingBody;
  readonly content: TContent;
  readonly description: string;
  readonly adopted: EventDefinition<TType, PolicyAdoptedSchema<TKind, TContent>>;
}

export type AnyPolicyKind = PolicyKind<string, string, PayloadSchema>;
export type PolicyContentOf<TKind> = TKind extends PolicyKind<string, string, infer C> ? z.output<C> : never;

/** Declares a policy kind and its adoption event, owned by its service and published on its policies topic. */
export function definePolicyKind<
  const TKind extends string,
  const TType extends string,
  TContent extends PayloadSchema,
>(spec: PolicyKindSpec<TKind, TType, TContent>): PolicyKind<TKind, TType, TContent> {
  const name = KIND_PATTERN.exec(spec.kind);
  if (!name || name[1] !== spec.owner || !STREAM_NAME_PATTERN.test(name[2] ?? '')) {
    throw new ContractDefinitionError(
      `${spec.kind}: a policy kind is '<owner>.<kebab-case name>' (${spec.owner}.…)`,
    );
  }
  const adopted = defineEvent({
    type: spec.eventType,
    owner: spec.owner,
    stream: POLICIES_STREAM,
    version: 1,
    schema: adoptionSchema(spec.kind, spec.adoptedBy, spec.content),
    partitionKey: (payload) => payload.kind,
    partitionKeyDescription: 'kind: the adoptions of one kind are read in the order they were adopted',
    description: `${spec.description}\n\nAdopted by ${spec.adoptedBy === 'cec' ? 'a CEC decision' : 'a Cabinet resolution'}; an election applies the adoption in force on its date.`,
  });
  return Object.freeze({
    kind: spec.kind,
    owner: spec.owner,
    adoptingBody: spec.adoptedBy,
    content: spec.content,
    description: spec.description,
    adopted,
  });
}

/** Parses a proposed content against its kind; each issue names its field under `content.` and the rule. */
export function parsePolicyContent<TKind extends AnyPolicyKind>(
  kind: TKind,
  content: unknown,
): Result<PolicyContentOf<TKind>, readonly FieldIssue[]> {
  const parsed = kind.content.safeParse(content, { error: ruleOf });
  if (parsed.success) return ok(parsed.data as PolicyContentOf<TKind>);
  return err(fieldIssuesOf('content', parsed.error));
}
