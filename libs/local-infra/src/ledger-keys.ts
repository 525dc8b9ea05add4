import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './locations';

/** Each local service's Ed25519 checkpoint key (PKCS#8 PEM), made once, kept outside the repo (mode 600). */
export function localLedgerKey(service: string): string {
  const dir = join(cacheDir(), 'keys');
  const file = join(dir, `${service}-ledger-key.pem`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8'); // another process made it first
  }
}

/** A throwaway key for tests. */
export function ephemeralLedgerKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
