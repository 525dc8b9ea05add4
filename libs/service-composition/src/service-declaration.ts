import type { Provider, Type } from '@nestjs/common';
import type { Clock } from '@vl/clock';
import type { DeadlineReactions, DeadlineRunnerOptions } from '@vl/deadlines';
import type { EventConsumer, ProjectionDigest } from '@vl/ledger';
import type { ServicePolicy } from '@vl/policy/module';
import type { ServiceDescriptor } from '@vl/service-kit';
import type { MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/**
 * A piece a service is made of: its tables, what it consumes, the read models it digests, its providers and
 * controllers. A service lists its own parts and shared ones (`electionsProjection`).
 */
export interface ServicePart {
  /** run in order after the ledger's (and the deadlines') migrations, in the service's own schema */
  readonly migrations?: readonly MigrationClass[];
  /** reactions to events, each registered per contract (`new EventHandlers().on(contract, ...)`) */
  readonly consumers?: readonly Type<EventConsumer>[];
  /** read models, each digested for GET /ledger/read-model-digest */
  readonly digests?: readonly Type<ProjectionDigest>[];
  /** repositories, handlers, queries: one instance each, visible to consumers, deadlines and controllers */
  readonly providers?: readonly Provider[];
  readonly controllers?: readonly Type[];
}

/** Everything a service is, declared once; `composeService` wires it into a Nest module. */
export interface ServiceDeclaration extends ServicePart {
  readonly descriptor: ServiceDescriptor;
  /** the policy kinds it holds, each with its statutory seed (served at /policies/:kind) */
  readonly policies: readonly ServicePolicy[];
  /** its durable deadlines: one handler per kind (`new DeadlineHandlers().on(kind, ...)`) */
  readonly deadlines?: Type<DeadlineReactions>;
  /** shared pieces the service is also made of */
  readonly parts?: readonly ServicePart[];
}

/** What a test or a benchmark may put in place of the real thing. */
export interface ServiceOverrides {
  /** a clock the test moves; else the one the configuration names (CLOCK) */
  readonly clock?: Clock;
  /** seeds in place of the statutory ones, by kind */
  readonly policies?: readonly ServicePolicy[];
  readonly deadlineRunner?: DeadlineRunnerOptions;
}
