import { generateSigningKey, type SigningKey } from '@vl/auth';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '@vl/local-infra';

export const LOCAL_ISSUER = 'voting-ledger';
export const LOCAL_AUDIENCE = 'voting-ledger';

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
