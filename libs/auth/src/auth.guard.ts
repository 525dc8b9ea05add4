import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  InternalServerErrorException,
  type Type,
  UnauthorizedException,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { PUBLIC_METADATA, ROLES_METADATA, type AuthenticatedRequest, type Principal } from './access-rules';
import { PollingDayEnds } from './polling-day-ends';
import { anyRoleMatches, READ_ONLY_ROLES, type RolePattern } from './roles';
import { SCOPE_METADATA, type PrecinctLookup, type ScopeDeclaration } from './scoped';
import { describeScope, isNational, scopeRefusal } from './scopes';
import { TokenVerifier } from './token-verifier';

const READING = new Set(['GET', 'HEAD']);

interface AccessRules {
  readonly isPublic: boolean;
  readonly patterns: RolePattern[] | undefined;
  readonly declaration: ScopeDeclaration | undefined;
}

/**
 * Default deny: an endpoint is reachable only by the roles it declares, within the scope it declares, or when
 * declared public. Read-only roles never reach an endpoint that changes anything.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly lookups = new Map<Type<PrecinctLookup>, PrecinctLookup>();
  private readonly rules = new WeakMap<object, Map<object, AccessRules>>();
  private pollingDayEnds: PollingDayEnds | null | undefined;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, patterns, declaration } = this.rulesOf(context);
    if (isPublic) return true;
    if (!patterns?.length || !declaration) {
      throw new InternalServerErrorException(
        `${context.getClass().name}.${context.getHandler().name} declares no access rule${patterns?.length ? ' for its scope' : ''}`,
      );
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('bearer', 'a bearer token is required');
    const verification = await this.verifier.verify(token);
    if (!verification.ok) throw unauthorized(verification.rule, verification.reason);
    const { principal } = verification;
    const roles = READING.has(request.method)
      ? principal.roles
      : principal.roles.filter((role) => !READ_ONLY_ROLES.includes(role));
    if (!anyRoleMatches(roles, patterns)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `this endpoint requires one of the roles ${patterns.join(', ')}; the token carries ${principal.roles.join(', ')}${roles.length < principal.roles.length ? ' (auditors only read)' : ''}`,
        errors: [{ field: 'roles', rule: `one of ${patterns.join(', ')}` }],
      });
    }
    const refusal = await this.scopeRefusal(principal, declaration, request);
    if (refusal) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `scope: ${refusal}`,
        errors: [{ field: 'scope', rule: refusal }],
      });
    }
    await this.refuseAfterPollingDay(principal);
    request.principal = principal;
    return true;
  }

  // decorators do not change while the process runs: read each handler's metadata once, not on every request
  private rulesOf(context: ExecutionContext): AccessRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let ofController = this.rules.get(controller);
    if (!ofController) this.rules.set(controller, (ofController = new Map()));
    let rules = ofController.get(handler);
    if (!rules) {
      const targets = [handler, controller];
      rules = {
        isPublic: Boolean(this.reflector.getAllAndOverride<string>(PUBLIC_METADATA, targets)),
        patterns: this.reflector.getAllAndOverride<RolePattern[]>(ROLES_METADATA, targets),
        declaration: this.reflector.getAllAndOverride<ScopeDeclaration>(SCOPE_METADATA, targets),
      };
      ofController.set(handler, rules);
    }
    return rules;
  }

  private async scopeRefusal(
    principal: Principal,
    declaration: ScopeDeclaration,
    request: AuthenticatedRequest,
  ): Promise<string | undefined> {
    const { scope } = principal;
    if (isNational(scope) || declaration.kind === 'unscoped') return undefined;
    if (declaration.kind === 'national')
      return `the token serves ${describeScope(scope)}; this is a national operation`;
    const electionId = declaration.election(request);
    if (declaration.target) return scopeRefusal(scope, electionId, declaration.target(request));
    const otherElection = scopeRefusal(scope, electionId, { wholeElection: true });
    if (otherElection || !declaration.lookup) return otherElection;
    const precinctId = await this.lookup(declaration.lookup).precinctOf(request);
    // nothing to act on: the handler answers that, the same for every caller
    return scopeRefusal(
      scope,
      electionId,
      precinctId ? { precincts: [precinctId] } : { wholeElection: true },
    );
  }

  private lookup(type: Type<PrecinctLookup>): PrecinctLookup {
    const remembered = this.lookups.get(type);
    if (remembered) return remembered;
    const found = this.moduleRef.get(type, { strict: false });
    this.lookups.set(type, found);
    return found;
  }

  // a poll worker's token ends with its polling day where the service knows that day
  private async refuseAfterPollingDay(principal: Principal): Promise<void> {
    if (!principal.roles.includes('poll-worker') || isNational(principal.scope)) return;
    if (this.pollingDayEnds === undefined) {
      try {
        this.pollingDayEnds = this.moduleRef.get(PollingDayEnds, { strict: false });
      } catch {
        this.pollingDayEnds = null;
      }
    }
    if (!this.pollingDayEnds) return;
    const endsAtMs = await this.pollingDayEnds.endOf(principal.scope.electionId);
    if (endsAtMs !== undefined && principal.expiresAt * 1000 > endsAtMs) {
      throw unauthorized(
        'poll-worker-lifetime',
        `token rejected: a poll worker's token ends with its polling day, at ${new Date(endsAtMs).toISOString()}; this one expires at ${new Date(principal.expiresAt * 1000).toISOString()}`,
      );
    }
  }
}

function unauthorized(rule: string, reason: string): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    message: `Authorization: ${reason}`,
    errors: [{ field: 'authorization', rule }],
  });
}
