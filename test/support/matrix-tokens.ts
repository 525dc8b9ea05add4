import {
  anyRoleMatches,
  generateSigningKey,
  LOCAL_ROLES,
  maxLifetimeOf,
  mintToken,
  precinctsScope,
  type Role,
  type RolePattern,
  type SigningKey,
  type TokenScope,
} from '@vl/auth';
import type { ServiceName } from '@vl/contracts';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import type { Operation } from './openapi-operations';
import { EXAMPLE_SCOPE } from './operation-requests';

/**
 * One holder of each role the README lists; a ministry, a citizen and an employer stand for their patterns, and the
 * Border Service for the endpoints only it may call.
 */
export const MATRIX_ROLES: readonly Role[] = [
  'poll-worker',
  'commission',
  'cec-operator',
  'auditor',
  'cabinet',
  'ministry:health',
  'citizen:21503199000123',
  'ministry:border-service',
  'employer:matrix-plant',
];

/** Tokens a service must refuse with 401 whatever role they name. */
export const BAD_TOKENS = [
  'no token',
  'expired',
  'without exp',
  'alg none',
  "another service's audience",
  "past its role's maximum lifetime",
  'retired key',
  'untrusted key',
  'forged signature',
] as const;
export type BadToken = (typeof BAD_TOKENS)[number];

/** The precinct of the example election that the example requests do not name. */
export const ANOTHER_PRECINCT = '0101-002';

const ISSUER = 'voting-ledger';

export const isLocal = (role: Role) => (LOCAL_ROLES as readonly string[]).includes(role);

/** The first role of the matrix an operation admits: a pattern (ministry:*) stands for every role it admits. */
export function admittedRole(operation: Operation): Role {
  const roles = (operation.roles ?? []) as RolePattern[];
  const role = MATRIX_ROLES.find((candidate) => anyRoleMatches([candidate], roles));
  if (!role)
    throw new Error(`${operation.label}: no role of the matrix is admitted (x-roles ${roles.join(', ')})`);
  return role;
}

/**
 * Bearer tokens for the authorization matrix: a key the services trust, one they trusted until it retired, and
 * one they never trusted. A poll worker and a commission serve the example precinct of the example election.
 */
export class MatrixTokens {
  private readonly minted = new Map<string, string>();

  private constructor(
    private readonly trusted: SigningKey,
    private readonly retired: SigningKey,
    private readonly untrusted: SigningKey,
  ) {}

  static async create(): Promise<MatrixTokens> {
    return new MatrixTokens(
      await generateSigningKey('matrix'),
      await generateSigningKey('matrix-retired'),
      await generateSigningKey('matrix-untrusted'),
    );
  }

  /** The JWKS document the services under test trust (AUTH_JWKS): the current key and a retired one. */
  get jwks(): string {
    const retiredAt = new Date(Date.now() - 3_600_000).toISOString();
    return JSON.stringify({
      keys: [
        ...this.trusted.publicJwks.keys,
        ...this.retired.publicJwks.keys.map((key) => ({ ...key, retiredAt })),
      ],
    });
  }

  /** A valid token of one role for the given service, minted once and reused. */
  valid(role: Role, service: ServiceName): Promise<string> {
    return this.once(`${service}:${role}`, () =>
      mintToken(this.trusted.privateJwk, {
        subject: `matrix-${role}`,
        roles: [role],
        issuer: ISSUER,
        audience: service,
        ...(isLocal(role) ? { scope: scopeOf(EXAMPLE_SCOPE.precinctId) } : {}),
      }),
    );
  }

  /** A valid token of a poll worker or a commission that serves another precinct of the example election. */
  anotherPrecinct(role: Role, service: ServiceName): Promise<string> {
    return this.once(`${service}:${role}:elsewhere`, () =>
      mintToken(this.trusted.privateJwk, {
        subject: `matrix-${role}-elsewhere`,
        roles: [role],
        issuer: ISSUER,
        audience: service,
        scope: scopeOf(ANOTHER_PRECINCT),
      }),
    );
  }

  /** A token of the given role that is wrong in one way only; undefined for no token at all. */
  async bad(kind: BadToken, role: Role, service: ServiceName): Promise<string | undefined> {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: `matrix-${role}`,
      roles: [role],
      iss: ISSUER,
      aud: service,
      ...(isLocal(role) ? { scope: scopeOf(EXAMPLE_SCOPE.precinctId) } : {}),
    };
    switch (kind) {
      case 'no token':
        return undefined;
      case 'expired':
        return this.sign({ ...claims, iat: now - 1800, exp: now - 900 });
      case 'without exp':
        return this.sign({ ...claims, iat: now });
      case 'alg none':
        return unsigned({ ...claims, iat: now, exp: now + 900 });
      case "another service's audience":
        return this.sign({ ...claims, aud: anotherService(service), iat: now, exp: now + 900 });
      case "past its role's maximum lifetime":
        return this.sign({ ...claims, iat: now - 60, exp: now - 60 + maxLifetimeOf([role]).seconds + 3600 });
      case 'retired key':
        return this.sign({ ...claims, iat: now, exp: now + 900 }, this.retired);
      case 'untrusted key':
        return this.sign({ ...claims, iat: now, exp: now + 900 }, this.untrusted);
      case 'forged signature': {
        const token = await this.valid(role, service);
        return `${token.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
      }
    }
  }

  private async once(key: string, mint: () => Promise<string>): Promise<string> {
    const known = this.minted.get(key);
    if (known) return known;
    const token = await mint();
    this.minted.set(key, token);
    return token;
  }

  private async sign(payload: JWTPayload, key: SigningKey = this.trusted): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: String(key.privateJwk.kid) })
      .sign(await importJWK(key.privateJwk, 'EdDSA'));
  }
}

function scopeOf(precinctId: string): TokenScope {
  return precinctsScope(EXAMPLE_SCOPE.electionId, precinctId);
}

function anotherService(service: ServiceName): ServiceName {
  return service === 'turnout' ? 'voter-roll' : 'turnout';
}

function unsigned(payload: JWTPayload): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT', kid: 'matrix' })}.${encode(payload)}.`;
}
