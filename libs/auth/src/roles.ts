import { z } from 'zod';

/**
 * The roles a bearer token can carry (ARCHITECTURE invariant 7). `cabinet`: the Cabinet of Ministers' office, which
 * adopts benefit programs by resolution. An `employer:<id>` only submits its duty roster: it reads nothing, since
 * employers demanding proof of voting is coercion.
 */
export const FIXED_ROLES = ['poll-worker', 'commission', 'cec-operator', 'auditor', 'cabinet'] as const;
export type FixedRole = (typeof FIXED_ROLES)[number];
export type MinistryRole = `ministry:${string}`;
export type CitizenRole = `citizen:${string}`;
export type EmployerRole = `employer:${string}`;
export type Role = FixedRole | MinistryRole | CitizenRole | EmployerRole;

/** What an endpoint accepts: a fixed role, any ministry, citizen or employer, or one named ministry. */
export type RolePattern = FixedRole | 'ministry:*' | 'citizen:*' | 'employer:*' | MinistryRole;

// a citizen is identified by the 14-digit personal identification number (PIN)
export const roleSchema = z.union([
  z.enum(FIXED_ROLES),
  z
    .string()
    .regex(/^ministry:[a-z0-9][a-z0-9-]{1,40}$/, 'expected ministry:<id> (lower-case letters, digits, -)'),
  z.string().regex(/^citizen:\d{14}$/, 'expected citizen:<14-digit personal number>'),
  z
    .string()
    .regex(/^employer:[a-z0-9][a-z0-9-]{1,40}$/, 'expected employer:<id> (lower-case letters, digits, -)'),
]);

export function parseRole(value: string): Role {
  if (roleSchema.safeParse(value).success) return value as Role;
  throw new Error(
    `unknown role "${value}": expected poll-worker, commission, cec-operator, auditor, cabinet, ministry:<id>, employer:<id> or citizen:<14-digit personal number>`,
  );
}

export function roleMatches(role: Role, pattern: RolePattern): boolean {
  if (pattern.endsWith(':*')) return role.startsWith(pattern.slice(0, -1));
  return role === pattern;
}

export function anyRoleMatches(roles: readonly Role[], patterns: readonly RolePattern[]): boolean {
  return roles.some((role) => patterns.some((pattern) => roleMatches(role, pattern)));
}

/** Roles whose token must name a local scope: a poll worker serves precincts, a commission its precincts or territory. */
export const LOCAL_ROLES: readonly FixedRole[] = ['poll-worker', 'commission'];

/** Roles that only read: no endpoint that changes anything admits them, whatever it declares. */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor'];

/** The key a role's maximum token lifetime is configured under: the role, or `ministry`/`citizen`/`employer` for their kind. */
export function lifetimeKeyOf(role: Role): string {
  if (role.startsWith('ministry:')) return 'ministry';
  if (role.startsWith('employer:')) return 'employer';
  if (role.startsWith('citizen:')) return 'citizen';
  return role;
}
