import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role, RolePattern } from './roles';
import type { TokenScope } from './scopes';

export const ROLES_METADATA = 'vl:roles';
export const PUBLIC_METADATA = 'vl:public-reason';

/** The roles allowed to call an endpoint; every endpoint declares this or PublicEndpoint. */
export const Roles = (...patterns: [RolePattern, ...RolePattern[]]) => SetMetadata(ROLES_METADATA, patterns);

/** An endpoint with no personal data that infrastructure must reach without a token (probes, scrapes). */
export const PublicEndpoint = (reason: string) => SetMetadata(PUBLIC_METADATA, reason);

export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** where the token may act; national when the token names no scope */
  readonly scope: TokenScope;
  /** the token's expiry, seconds since the epoch */
  readonly expiresAt: number;
}

export type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an endpoint that does not authenticate');
  return principal;
});
