import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { Client } from 'pg';

export const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the machine's PostgreSQL cluster when it is installed but not running. */
export async function ensureLocalPostgres(
  adminUrl = LOCAL_ADMIN_URL,
  log: (line: string) => void = () => undefined,
) {
  if (await answers(adminUrl)) return;
  const clusters = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (clusters.length === 0)
    throw new Error(`PostgreSQL does not answer at ${adminUrl} and no local cluster is installed`);
  log(`starting the local PostgreSQL ${clusters[0]} cluster`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', clusters[0] ?? '', 'main', 'start'], {
    stdio: 'inherit',
  });
  for (let attempt = 0; attempt < 40; attempt++) {
    if (await answers(adminUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`PostgreSQL was started but does not answer at ${adminUrl}`);
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
};

/** Creates the database if it is missing; safe to call on every start. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${ident(database)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // a concurrent creator won
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One login role and one schema per service, the role owning its schema; idempotent. */
export async function ensureServiceSchemas(
  databaseUrl: string,
  schemas: readonly string[],
): Promise<Map<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const urls = new Map<string, string>();
  try {
    for (const schema of schemas) {
      const role = `vl_${schema}`;
      // serialized so that parallel launchers do not race on CREATE ROLE
      await client.query('select pg_advisory_lock(hashtext($1))', [role]);
      try {
        const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
        if (exists.rowCount === 0) await client.query(`create role ${ident(role)} login`);
        await client.query(`create schema if not exists ${ident(schema)} authorization ${ident(role)}`);
        await client.query(`alter schema ${ident(schema)} owner to ${ident(role)}`);
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [role]);
      }
      const url = new URL(databaseUrl);
      url.username = role;
      url.password = '';
      urls.set(schema, url.toString());
    }
  } finally {
    await client.end();
  }
  return urls;
}
