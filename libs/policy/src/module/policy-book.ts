import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  STATUTORY_DEFAULT,
  type AnyPolicyKind,
  type EventEnvelope,
  type PolicyContentOf,
} from '@vl/contracts';
import { EventStore, StreamVersionConflict } from '@vl/event-store';
import { retryOnConflict } from '@vl/ledger';
import { EventHandlers } from '@vl/messaging';
import {
  adoptionEvent,
  policyDateOf,
  policyDecider,
  policyInForce,
  policyStreamId,
  seedAdoptionIdOf,
  type AdoptPolicy,
  type PolicyAdoption,
  type PolicyLine,
  type PolicyRejection,
} from '../index';
import type { Clock } from '@vl/clock';
import type { ServicePolicy } from './policy-options';

// another instance's adoption takes effect tomorrow at the earliest: a reload this often learns it long before
const RELOAD_EVERY_MS = 30_000;

/** The seed's effective date: before any election the ledger records, so every election has a policy. */
export const SEED_EFFECTIVE_FROM = '2000-01-01';

export type AdoptionOutcome =
  | { readonly ok: true; readonly value: { readonly adoption: PolicyAdoption; readonly created: boolean } }
  | { readonly ok: false; readonly error: PolicyRejection };

/**
 * A service's policies: each kind's line of adoptions, kept in memory so that reading the policy in force costs
 * no query (a check-in reads it). Filled from the service's own log at start-up (after adopting the seed of a
 * kind that has none), extended by each adoption appended here and by each one consumed from the topic.
 */
export class PolicyBook implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PolicyBook.name);
  private readonly lines = new Map<string, PolicyLine>();
  private readonly byKind: ReadonlyMap<string, ServicePolicy>;
  private reloading: NodeJS.Timeout | undefined;
  /** the service's consumer includes these: adoptions read from its policies topic (other instances, a replay) */
  readonly handlers: EventHandlers;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    policies: readonly ServicePolicy[],
    private readonly service: string,
  ) {
    this.byKind = new Map(policies.map((policy) => [policy.kind.kind, policy]));
    this.handlers = policies.reduce(
      (handlers, policy) => handlers.on(policy.kind.adopted, async (event) => this.learn(event)),
      new EventHandlers(),
    );
  }

  async onModuleInit(): Promise<void> {
    for (const policy of this.byKind.values()) await this.seed(policy);
    await this.reload();
    this.reloading = setInterval(() => {
      this.reload().catch((error: unknown) => this.logger.warn(`policies not reloaded: ${String(error)}`));
    }, RELOAD_EVERY_MS);
    this.reloading.unref();
  }

  onModuleDestroy(): void {
    if (this.reloading) clearInterval(this.reloading);
  }

  /** The kinds this service holds, in the order it declared them. */
  kinds(): readonly AnyPolicyKind[] {
    return [...this.byKind.values()].map((policy) => policy.kind);
  }

  kind(name: string): AnyPolicyKind | undefined {
    return this.byKind.get(name)?.kind;
  }

  /** A kind's adoptions in log order. */
  line<TKind extends AnyPolicyKind>(kind: TKind): PolicyLine<PolicyContentOf<TKind>> {
    return (this.lines.get(this.held(kind).kind) ?? []) as PolicyLine<PolicyContentOf<TKind>>;
  }

  /** The adoption in force on an election's date (YYYY-MM-DD), or undefined before the first one. */
  inForce<TKind extends AnyPolicyKind>(
    kind: TKind,
    electionDate: string,
  ): PolicyAdoption<PolicyContentOf<TKind>> | undefined {
    return policyInForce(this.line(kind), electionDate);
  }

  /** The content in force on an election's date; every held kind has its seed, so one is always in force. */
  contentInForce<TKind extends AnyPolicyKind>(kind: TKind, electionDate: string): PolicyContentOf<TKind> {
    const adoption = this.inForce(kind, electionDate);
    if (!adoption) throw new Error(`no ${kind.kind} policy is in force on ${electionDate}`);
    return adoption.content;
  }

  /** Decides and appends an adoption; a retried one answers with what it adopted (created: false). */
  async adopt(kind: AnyPolicyKind, command: AdoptPolicy): Promise<AdoptionOutcome> {
    const decider = policyDecider(this.held(kind));
    const streamId = policyStreamId(kind.kind);
    const outcome = await retryOnConflict(async () => {
      const line = await this.loadLine(kind);
      const decision = decider.decide(command, line, { today: policyDateOf(this.clock.now()) });
      if (!decision.ok) return decision;
      if (decision.value.length > 0) {
        await this.store.append([
          {
            streamId,
            expectedVersion: line.length === 0 ? 'no-stream' : line.length,
            events: decision.value,
          },
        ]);
      }
      return { ok: true as const, value: { created: decision.value.length > 0 } };
    });
    if (!outcome.ok) return outcome;
    const line = await this.loadLine(kind);
    this.lines.set(kind.kind, line);
    const adoption = line.find((candidate) => candidate.adoptionId === command.adoptionId);
    if (!adoption) throw new Error(`adoption ${command.adoptionId} of ${kind.kind} is not in its stream`);
    return { ok: true, value: { adoption, created: outcome.value.created } };
  }

  /** An adoption read from the service's policies topic (another instance's, or the log being replayed). */
  learn(event: EventEnvelope): void {
    const policy = [...this.byKind.values()].find((held) => held.kind.adopted.type === event.type);
    if (!policy) return;
    const line = this.lines.get(policy.kind.kind) ?? [];
    if (line.some((adoption) => adoption.adoptionId === event.eventId)) return;
    this.lines.set(policy.kind.kind, [...line, adoptionOf(policy.kind, event)]);
  }

  /** Re-reads every line from the log; adoptions learnt from the topic alone are kept. */
  async reload(): Promise<void> {
    for (const policy of this.byKind.values()) {
      const stored = await this.loadLine(policy.kind);
      const known = new Set(stored.map((adoption) => adoption.adoptionId));
      const learnt = (this.lines.get(policy.kind.kind) ?? []).filter((a) => !known.has(a.adoptionId));
      this.lines.set(policy.kind.kind, [...stored, ...learnt]);
    }
  }

  // the present values become the first adoption of a fresh stack, once, whichever instance starts first
  private async seed(policy: ServicePolicy): Promise<void> {
    const streamId = policyStreamId(policy.kind.kind);
    if ((await this.store.loadStream(streamId)).length > 0) return;
    const event = adoptionEvent(policy.kind, {
      adoptionId: seedAdoptionIdOf(policy.kind.kind),
      effectiveFrom: SEED_EFFECTIVE_FROM,
      adoptedBy: { body: STATUTORY_DEFAULT, decision: policy.seed.basis },
      actor: { subject: this.service, role: 'service' },
      content: policy.seed.content,
    });
    try {
      await this.store.append([{ streamId, expectedVersion: 'no-stream', events: [event] }]);
      this.logger.log(`adopted the statutory default of ${policy.kind.kind}`);
    } catch (error) {
      // another instance seeded it (or someone adopted one) first
      if (!(error instanceof StreamVersionConflict)) throw error;
    }
  }

  private async loadLine(kind: AnyPolicyKind): Promise<PolicyLine> {
    const events = await this.store.loadStream(policyStreamId(kind.kind));
    return events.map((event) => adoptionOf(kind, event));
  }

  private held(kind: AnyPolicyKind): AnyPolicyKind {
    const held = this.byKind.get(kind.kind);
    if (!held)
      throw new Error(`${this.service} holds no ${kind.kind} policy: declare it in PolicyModule.forService`);
    return held.kind;
  }
}

// parsed again on the way out of the log: inside, an adoption's content can be trusted
function adoptionOf(
  kind: AnyPolicyKind,
  event: { readonly eventId: string; readonly type: string; readonly payload: unknown },
): PolicyAdoption {
  const parsed = kind.adopted.schema.safeParse(event.payload);
  if (!parsed.success || event.type !== kind.adopted.type) {
    throw new Error(`event ${event.eventId} in the ${kind.kind} line is not a ${kind.adopted.type}`);
  }
  return { adoptionId: event.eventId, ...parsed.data } as PolicyAdoption;
}
