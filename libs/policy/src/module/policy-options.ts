import type { AnyPolicyKind, PolicyContentOf } from '@vl/contracts';

/** One kind a service holds, with the seed a fresh stack adopts: the values in force before any act. */
export interface ServicePolicy<TKind extends AnyPolicyKind = AnyPolicyKind> {
  readonly kind: TKind;
  readonly seed: {
    readonly content: PolicyContentOf<TKind>;
    /** the seed's adoptedBy.decision: what the values rest on */
    readonly basis: string;
  };
}

/** Declares a kind with its seed, typed by the kind's content. */
export function heldPolicy<TKind extends AnyPolicyKind>(
  kind: TKind,
  seed: ServicePolicy<TKind>['seed'],
): ServicePolicy {
  return { kind, seed } as ServicePolicy;
}

/** The kinds a service holds; "today" comes from the service's clock (CLOCK), a drill's in a drill. */
export interface PolicyModuleOptions {
  readonly policies: readonly ServicePolicy[];
}
