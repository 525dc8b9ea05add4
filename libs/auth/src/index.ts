export {
  CurrentPrincipal,
  PUBLIC_METADATA,
  PublicEndpoint,
  ROLES_METADATA,
  Roles,
  type AuthenticatedRequest,
  type Principal,
} from './access-rules';
export { actingAs, type ActingPrincipal } from './acting-as';
export { AuthGuard } from './auth.guard';
export { PollingDayEnds } from './polling-day-ends';
export {
  Scope,
  SCOPE_METADATA,
  Scoped,
  type PrecinctLookup,
  type RequestPath,
  type ScopeDeclaration,
  type ScopeDocument,
} from './scoped';
export {
  describeScope,
  districtOf,
  isNational,
  NATIONAL,
  precinctsScope,
  regionOf,
  scopeRefusal,
  tokenScopeSchema,
  type DistrictScope,
  type LocalScope,
  type NationalScope,
  type PrecinctsScope,
  type RegionScope,
  type ScopeTarget,
  type TokenScope,
} from './scopes';
export { DEFAULT_MAX_LIFETIMES, maxLifetimeOf, maxLifetimesSchema } from './token-lifetimes';
export { AuthModule } from './auth.module';
export { listEndpointAccess, type EndpointAccess } from './endpoint-audit';
export {
  anyRoleMatches,
  FIXED_ROLES,
  lifetimeKeyOf,
  LOCAL_ROLES,
  parseRole,
  READ_ONLY_ROLES,
  roleMatches,
  roleSchema,
  type Role,
  type RolePattern,
} from './roles';
export { generateSigningKey, mintToken, type SigningKey, type TokenRequest } from './token-minter';
export { TokenVerifier, type AuthOptions, type Verification } from './token-verifier';
