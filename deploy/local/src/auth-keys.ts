import { generateSigningKey, type Role, type SigningKey } from '@vl/auth';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '@vl/local-infra';
import { SERVICES, type ServiceName } from './services';

export const LOCAL_ISSUER = 'voting-ledger';
/** Every service of the stack: each accepts only tokens whose audience names it (AUTH_AUDIENCE, its name). */
export const LOCAL_AUDIENCES: readonly ServiceName[] = SERVICES.map((service) => service.name);

/** The services a role calls: the audience `./vl token` gives a token unless told otherwise. */
export function servicesOf(roles: readonly Role[]): readonly ServiceName[] {
  const used = new Set<ServiceName>();
  for (const role of roles) {
    if (role === 'poll-worker' || role === 'commission')
      ['voter-roll', 'turnout'].forEach((name) => used.add(name as ServiceName));
    else if (role.startsWith('citizen:')) used.add('turnout');
    // an employer only submits its duty roster
    else if (role.startsWith('employer:')) used.add('excuses');
    else LOCAL_AUDIENCES.forEach((name) => used.add(name));
  }
  return LOCAL_AUDIENCES.filter((name) => used.has(name));
}

/** The local-mode token signing key, made once and kept outside the repository (mode 600). */
export async function localSigningKey(): Promise<SigningKey> {
  const dir = join(cacheDir(), 'keys');
  const file = join(dir, 'local-token-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = await generateSigningKey(`local-${Date.now().toString(36)}`);
  try {
    writeFileSync(file, JSON.stringify(key), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(file, 'utf8')) as SigningKey; // another process made it first
  }
}
