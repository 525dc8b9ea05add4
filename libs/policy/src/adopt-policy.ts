import {
  parsePolicyContent,
  type Actor,
  type AdoptedBy,
  type AnyPolicyKind,
  type Decider,
  type FieldIssue,
  type NewEvent,
  type Result,
} from '@vl/contracts';
import type { PolicyAdoption, PolicyLine } from './policy-adoption';
import { latestAdoption } from './policy-in-force';

/** Adopt a policy of a kind from a date, by an act of the body that adopts that kind. */
export interface AdoptPolicy {
  readonly adoptionId: string;
  readonly effectiveFrom: string;
  readonly adoptedBy: AdoptedBy;
  readonly actor: Actor;
  readonly content: unknown;
}

/** What the decision needs besides the line: today's local date, from the service's clock. */
export interface AdoptionContext {
  readonly today: string;
}

export type PolicyAdoptedEvent = NewEvent<string, Omit<PolicyAdoption, 'adoptionId'>> & {
  readonly eventId: string;
};

export type PolicyRejection =
  | { readonly code: 'invalid-policy'; readonly issues: readonly FieldIssue[]; readonly message: string }
  | { readonly code: 'adoption-id-reused'; readonly message: string };

const invalid = (issues: readonly FieldIssue[]): PolicyRejection => ({
  code: 'invalid-policy',
  issues,
  message: issues.map((issue) => `${issue.path}: ${issue.rule}`).join('; '),
});

const sameAdoption = (a: PolicyAdoption, b: AdoptPolicy): boolean =>
  a.effectiveFrom === b.effectiveFrom &&
  a.adoptedBy.body === b.adoptedBy.body &&
  a.adoptedBy.decision === b.adoptedBy.decision &&
  JSON.stringify(a.content) === JSON.stringify(b.content);

function decide(
  kind: AnyPolicyKind,
  command: AdoptPolicy,
  line: PolicyLine,
  { today }: AdoptionContext,
): Result<readonly PolicyAdoptedEvent[], PolicyRejection> {
  const content = parsePolicyContent(kind, command.content);
  const issues: FieldIssue[] = content.ok ? [] : [...content.error];
  // a retried adoption is answered with what it adopted, even after its effective date has passed
  const earlier = line.find((adoption) => adoption.adoptionId === command.adoptionId);
  if (earlier && content.ok && sameAdoption(earlier, { ...command, content: content.value })) {
    return { ok: true, value: [] };
  }
  if (earlier) {
    return {
      ok: false,
      error: {
        code: 'adoption-id-reused',
        message: `adoption ${command.adoptionId} of ${kind.kind} was already recorded with other terms (${earlier.adoptedBy.decision}, effective ${earlier.effectiveFrom}): adopt a changed policy under a new id or decision number`,
      },
    };
  }
  if (command.adoptedBy.body !== kind.adoptingBody) {
    issues.push({
      path: 'adoptedBy.body',
      rule: `expected '${kind.adoptingBody}': ${kind.kind} is adopted by ${kind.adoptingBody === 'cec' ? 'a CEC decision' : 'a Cabinet resolution'}`,
    });
  }
  // invariant 6: an election applies the policy in force on its date; an adoption never reaches back to one held
  if (command.effectiveFrom <= today) {
    issues.push({
      path: 'effectiveFrom',
      rule: `expected a date after today (${today}, Asia/Bishkek): a policy takes effect at the earliest the day after its adoption, so no election already held or under way changes its rules`,
    });
  }
  const current = latestAdoption(line);
  if (current && command.effectiveFrom < current.effectiveFrom) {
    issues.push({
      path: 'effectiveFrom',
      rule: `expected ${current.effectiveFrom} or later: the ${kind.kind} policy adopted last (${current.adoptedBy.decision}) is effective from ${current.effectiveFrom}, and a line of policies only moves forward`,
    });
  }
  if (issues.length > 0 || !content.ok) return { ok: false, error: invalid(issues) };
  return {
    ok: true,
    value: [adoptionEvent(kind, { ...command, content: content.value })],
  };
}

/** The adoption event of a kind; also the seed's, which no person adopted and no date rule constrains. */
export function adoptionEvent(kind: AnyPolicyKind, adoption: AdoptPolicy): PolicyAdoptedEvent {
  return {
    type: kind.adopted.type,
    eventId: adoption.adoptionId,
    payload: {
      kind: kind.kind,
      effectiveFrom: adoption.effectiveFrom,
      adoptedBy: adoption.adoptedBy,
      actor: adoption.actor,
      content: adoption.content,
    },
  };
}

function evolve(line: PolicyLine, event: PolicyAdoptedEvent): PolicyLine {
  return [...line, { adoptionId: event.eventId, ...event.payload }];
}

/** The rules of one kind's line of adoptions, as one decider (state: the line in log order). */
export function policyDecider(
  kind: AnyPolicyKind,
): Decider<AdoptPolicy, PolicyLine, PolicyAdoptedEvent, PolicyRejection, AdoptionContext> {
  return {
    initialState: [],
    evolve,
    decide: (command, line, context) => decide(kind, command, line, context),
  };
}

/** The event-store stream that holds one kind's line. */
export const policyStreamId = (kind: string): string => `policy-${kind}`;
