import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  InternalServerErrorException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_METADATA, ROLES_METADATA, type AuthenticatedRequest } from './access-rules';
import { anyRoleMatches, type RolePattern } from './roles';
import { TokenVerifier } from './token-verifier';

/** Default deny: an endpoint is reachable only by the roles it declares, or when declared public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string>(PUBLIC_METADATA, targets)) return true;
    const patterns = this.reflector.getAllAndOverride<RolePattern[]>(ROLES_METADATA, targets);
    if (!patterns?.length) {
      throw new InternalServerErrorException(
        `${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('Authorization: a bearer token is required');
    }
    const verification = await this.verifier.verify(token);
    if (!verification.ok) throw new UnauthorizedException(`Authorization: ${verification.reason}`);
    if (!anyRoleMatches(verification.principal.roles, patterns)) {
      throw new ForbiddenException(
        `this endpoint requires one of the roles ${patterns.join(', ')}; the token carries ${verification.principal.roles.join(', ')}`,
      );
    }
    request.principal = verification.principal;
    return true;
  }
}
