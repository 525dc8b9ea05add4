import type { DynamicModule, Provider } from '@nestjs/common';
import { SERVICE_NAMES, type ServiceName } from '@vl/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ServiceConfig } from '../service-config';
import type { ServiceDescriptor } from '../service-descriptor';
import { SERVICE_DESCRIPTOR } from '../service-kit.module';
import { readControllerSources } from './controller-sources';
import { generateOpenApi, type BodyReader } from './openapi-document';

export const OPENAPI_SERVICES: readonly ServiceName[] = SERVICE_NAMES;
export const OPENAPI_REGENERATE_COMMAND =
  './vl node -r @swc-node/register libs/service-kit/src/openapi/generate-openapi.main.ts';

export function openApiDocumentPath(service: ServiceName): string {
  return `docs/openapi/${service}.yaml`;
}

// the services read their own CSV uploads from the request stream (services/voter-roll/src/api/csv-upload.ts)
const BODY_READERS: Readonly<Record<string, BodyReader>> = {
  csvBody: {
    contentType: 'text/csv',
    description: "The CSV file itself as the request body, streamed (its columns: the service's README).",
    schema: { type: 'string' },
    statuses: [415],
  },
  documentBody: {
    contentType: 'application/pdf',
    description:
      'The document file itself as the request body: application/pdf, image/jpeg or image/png, at most 10 MB.',
    schema: { type: 'string', format: 'binary' },
    statuses: [413, 415],
  },
};

const DESCRIPTION = [
  'Generated from the controllers of the service; do not edit.',
  '',
  'Every operation requires a bearer JWT carrying one of the roles listed on it (x-roles), unless it is marked',
  'public (x-public, with the reason), issued for this service (aud) and acting within its scope: x-scope says',
  'where the operation takes its election, precinct or territory from, and a token of another one answers 403',
  'naming the scope. Bad input answers 400 naming each field and the rule it broke and changes',
  'nothing; every error body has the shape of the Error schema.',
].join('\n');

// never used to connect: the module tree is only read, not started
const PLACEHOLDER_CONFIG = {
  PORT: 0,
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://openapi@localhost:5432/none',
  DATABASE_SCHEMA: 'none',
  KAFKA_BROKERS: ['localhost:9092'],
  AUTH_JWKS: { keys: [] },
  AUTH_ISSUER: 'voting-ledger',
  AUTH_AUDIENCE: 'voting-ledger',
  LOG_LEVEL: 'silent',
  LEDGER_SIGNING_KEY: 'none',
  KAFKA_CONSUMER_GROUP: 'none',
  LEDGER_ORIGIN: 'none',
  CHECKPOINT_EVERY_EVENTS: 1000,
  CHECKPOINT_EVERY_SECONDS: 10,
} as unknown as ServiceConfig;

type RootModule = { register(config: ServiceConfig): DynamicModule };

/** The service's OpenAPI document as YAML, from its root module and the sources of its controllers. */
export async function serviceOpenApi(repositoryRoot: string, service: ServiceName): Promise<string> {
  const root = await rootModuleOf(repositoryRoot, service);
  const module = root.register(PLACEHOLDER_CONFIG);
  const descriptor = descriptorIn(module);
  const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const document = generateOpenApi(module, {
    title: `${service} HTTP API`,
    version,
    description: DESCRIPTION,
    servers: descriptor
      ? [{ url: `http://127.0.0.1:${descriptor.defaultPort}`, description: 'local stack (./vl up)' }]
      : [],
    sources: readControllerSources([
      join(repositoryRoot, 'services', service, 'src'),
      join(repositoryRoot, 'libs'),
    ]),
    bodyReaders: BODY_READERS,
  });
  const header = `# Generated from the controllers of ${service}; do not edit. Regenerate: ${OPENAPI_REGENERATE_COMMAND}\n`;
  return header + stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

// loaded by path, as the launcher starts services: a shared library imports no service
async function rootModuleOf(repositoryRoot: string, service: ServiceName): Promise<RootModule> {
  const exports = (await import(join(repositoryRoot, 'services', service, 'src', 'app.module'))) as Record<
    string,
    unknown
  >;
  const roots = Object.values(exports).filter(
    (value): value is RootModule =>
      typeof value === 'function' && typeof (value as Partial<RootModule>).register === 'function',
  );
  if (roots.length !== 1)
    throw new Error(`services/${service}/src/app.module.ts: expected one module class with register(config)`);
  return roots[0] as RootModule;
}

function descriptorIn(module: DynamicModule): ServiceDescriptor | undefined {
  for (const imported of module.imports ?? []) {
    const providers = ((imported as DynamicModule).providers ?? []) as Provider[];
    for (const provider of providers) {
      if (typeof provider === 'object' && provider.provide === SERVICE_DESCRIPTOR && 'useValue' in provider)
        return provider.useValue as ServiceDescriptor;
    }
  }
  return undefined;
}
