import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '@vl/auth';
import type { Actor } from '@vl/contracts';

/** Who performs a command: the token's subject, in the role the endpoint admits it for (recorded in its events). */
export function actingAs(principal: Principal, role: 'cec-operator' | 'commission'): Actor {
  // the guard admitted the token for this role; a token without it never reaches here
  if (!principal.roles.includes(role))
    throw new ForbiddenException(`the token does not carry the role ${role}`);
  return { subject: principal.subject, role };
}
