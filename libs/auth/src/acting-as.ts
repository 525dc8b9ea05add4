import { ForbiddenException } from '@nestjs/common';
import type { Principal } from './access-rules';
import type { Role } from './roles';

/** Who performs a command: the token's subject and the role the endpoint admitted it in, as events record it. */
export interface ActingPrincipal<TRole extends Role = Role> {
  readonly subject: string;
  readonly role: TRole;
}

/** The principal acting in `role`; the guard admitted the token for it, so a token without it never gets here. */
export function actingAs<TRole extends Role>(principal: Principal, role: TRole): ActingPrincipal<TRole> {
  if (!principal.roles.includes(role))
    throw new ForbiddenException(`the token does not carry the role ${role}`);
  return { subject: principal.subject, role };
}
