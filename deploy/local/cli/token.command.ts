import { LOCAL_ROLES, mintToken, parseRole, tokenScopeSchema, type TokenScope } from '@vl/auth';
import { localSigningKey, LOCAL_AUDIENCES, LOCAL_ISSUER, servicesOf } from '@vl/local-stack';

export interface TokenOptions {
  readonly subject: string;
  readonly ttl?: string;
  readonly election?: string;
  readonly precinct?: readonly string[];
  readonly district?: string;
  readonly region?: string;
  readonly service?: readonly string[];
}

const USAGE =
  'usage: ./vl token ROLE... [--election E (--precinct NNNN-NNN... | --district NNNN | --region NN)] [--service S...] [--subject S] [--ttl SECONDS]\n' +
  '  roles: poll-worker, commission (both need --election and a precinct, district or region), cec-operator,\n' +
  '  auditor, cabinet, ministry:<id>, employer:<id>, citizen:<pin>; the audience defaults to the services the roles call\n';

/** Prints a bearer token for the local stack; the services trust the same local key. */
export async function printToken(roles: readonly string[], options: TokenOptions): Promise<number> {
  if (roles.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const parsedRoles = roles.map((role) => parseRole(role));
  const scope = scopeFrom(options);
  if (typeof scope === 'string') {
    process.stderr.write(`${scope}\n${USAGE}`);
    return 2;
  }
  const local = parsedRoles.find((role) => (LOCAL_ROLES as readonly string[]).includes(role));
  if (local && !scope) {
    process.stderr.write(
      `a ${local} token acts in one election's precincts or territory: give --election and a scope\n${USAGE}`,
    );
    return 2;
  }
  const unknown = (options.service ?? []).filter(
    (name) => !(LOCAL_AUDIENCES as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    process.stderr.write(`--service ${unknown.join(', ')}: expected one of ${LOCAL_AUDIENCES.join(', ')}\n`);
    return 2;
  }
  const key = await localSigningKey();
  const token = await mintToken(key.privateJwk, {
    subject: options.subject,
    roles: parsedRoles,
    scope,
    issuer: LOCAL_ISSUER,
    audience: options.service?.length ? options.service : servicesOf(parsedRoles),
    ttlSeconds: options.ttl === undefined ? undefined : Number(options.ttl),
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

function scopeFrom(options: TokenOptions): TokenScope | undefined | string {
  const { election, precinct, district, region } = options;
  const given = [
    precinct?.length ? 'precinct' : '',
    district ? 'district' : '',
    region ? 'region' : '',
  ].filter(Boolean);
  if (!election && given.length === 0) return undefined;
  if (!election) return `--${given[0]} needs --election`;
  if (given.length !== 1) return '--election needs exactly one of --precinct, --district or --region';
  const candidate = precinct?.length
    ? { electionId: election, precincts: precinct }
    : district
      ? { electionId: election, district }
      : { electionId: election, region };
  const parsed = tokenScopeSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `scope ${issue?.path.join('.')}: ${issue?.message}`;
  }
  return parsed.data;
}
