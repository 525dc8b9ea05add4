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
export { AuthModule } from './auth.module';
export { listEndpointAccess, type EndpointAccess } from './endpoint-audit';
export {
  anyRoleMatches,
  FIXED_ROLES,
  parseRole,
  roleMatches,
  roleSchema,
  type Role,
  type RolePattern,
} from './roles';
export { generateSigningKey, mintToken, type SigningKey, type TokenRequest } from './token-minter';
export { TokenVerifier, type AuthOptions, type Verification } from './token-verifier';
