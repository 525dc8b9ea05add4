import type { Actor, AdoptedBy } from '@vl/contracts';

/** One adoption of a policy as its line holds it: the adoption event's id and payload. */
export interface PolicyAdoption<TContent = unknown> {
  /** the adoption event's id: a retried adoption carries the same one */
  readonly adoptionId: string;
  readonly kind: string;
  /** local date (Asia/Bishkek) of the first election it applies to */
  readonly effectiveFrom: string;
  readonly adoptedBy: AdoptedBy;
  readonly actor: Actor;
  readonly content: TContent;
}

/** A kind's adoptions in log order: the line a policy in force is chosen from. */
export type PolicyLine<TContent = unknown> = readonly PolicyAdoption<TContent>[];
