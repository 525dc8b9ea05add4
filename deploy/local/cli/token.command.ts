import { mintToken, parseRole } from '@vl/auth';
import { localSigningKey, LOCAL_AUDIENCE, LOCAL_ISSUER } from '@vl/local-stack';

/** Prints a bearer token for the local stack; the services trust the same local key. */
export async function printToken(
  roles: readonly string[],
  subject: string,
  ttlSeconds: number,
): Promise<number> {
  if (roles.length === 0) {
    process.stderr.write(
      'usage: ./vl token ROLE... (poll-worker, commission, cec-operator, auditor, cabinet, ministry:<id>, citizen:<pin>)\n',
    );
    return 2;
  }
  const key = await localSigningKey();
  const token = await mintToken(key.privateJwk, {
    subject,
    roles: roles.map((role) => parseRole(role)),
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    ttlSeconds,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}
