// The NestJS part of policy as data: what a service mounts; its domain code imports '@vl/policy' only.
export { PolicyModule } from './policy.module';
export { PolicyBook, SEED_EFFECTIVE_FROM, type AdoptionOutcome } from './policy-book';
export { PoliciesController } from './policies.controller';
export { heldPolicy, type PolicyModuleOptions, type ServicePolicy } from './policy-options';
