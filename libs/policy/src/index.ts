// The pure part of policy as data (ARCHITECTURE invariant 6): usable from a service's domain code.
export type { PolicyAdoption, PolicyLine } from './policy-adoption';
export { policyInForce, latestAdoption } from './policy-in-force';
export {
  adoptionEvent,
  policyDecider,
  policyStreamId,
  type AdoptionContext,
  type AdoptPolicy,
  type PolicyAdoptedEvent,
  type PolicyRejection,
} from './adopt-policy';
export { adoptionIdOf, decisionAdoptionIdOf, seedAdoptionIdOf } from './adoption-id';
export { POLICY_TIME_ZONE, policyDateOf } from './policy-date';
