import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  OPENAPI_REGENERATE_COMMAND,
  OPENAPI_SERVICES,
  openApiDocumentPath,
  serviceOpenApi,
} from './service-openapi';

type Node = { readonly [key: string]: unknown };

const repositoryRoot = join(__dirname, '..', '..', '..', '..');
const generated = new Map<string, string>();

beforeAll(async () => {
  // each root module registers its own TypeORM data source; reading them side by side is expected here
  Logger.overrideLogger(false);
  for (const service of OPENAPI_SERVICES)
    generated.set(service, await serviceOpenApi(repositoryRoot, service));
});

function operationsOf(document: Node): [string, Node][] {
  return Object.entries(document.paths as Node).flatMap(([path, operations]) =>
    Object.entries(operations as Node).map(([method, operation]): [string, Node] => [
      `${method.toUpperCase()} ${path}`,
      operation as Node,
    ]),
  );
}

describe('OpenAPI documents of the services', () => {
  it.each(OPENAPI_SERVICES)(
    'given the checked-in document of %s, when compared with its controllers, then it is up to date',
    (service) => {
      const path = join(repositoryRoot, openApiDocumentPath(service));
      const checkedIn = existsSync(path) ? readFileSync(path, 'utf8') : '';

      if (checkedIn !== generated.get(service)) {
        throw new Error(
          `${openApiDocumentPath(service)} is stale: the HTTP API of ${service} changed. Regenerate the documents with\n  ${OPENAPI_REGENERATE_COMMAND}\nand commit the result.`,
        );
      }
    },
  );

  it.each(OPENAPI_SERVICES)(
    'given the document of %s, when read, then every operation says who may call it and every path parameter is declared',
    (service) => {
      const document = parse(generated.get(service) as string) as Node;

      const undeclared = operationsOf(document).flatMap(([endpoint, operation]) => {
        const declared = ((operation.parameters ?? []) as Node[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => parameter.name);
        const templated = [...endpoint.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name);
        const access = (operation['x-roles'] as string[]).length > 0 || operation['x-public'] !== undefined;
        return [
          ...(access ? [] : [`${endpoint}: no roles`]),
          ...templated.filter((name) => !declared.includes(name)).map((name) => `${endpoint}: {${name}}`),
        ];
      });

      expect(document.openapi).toBe('3.1.0');
      expect(operationsOf(document).map(([endpoint]) => endpoint)).toContain('GET /health');
      expect(undeclared).toEqual([]);
    },
  );

  it('given the turnout document, when read, then check-ins need a poll worker and the live turnout is an event stream', () => {
    const document = parse(generated.get('turnout') as string) as Node;
    const paths = document.paths as Record<string, Record<string, Node>>;

    expect(paths['/elections/{electionId}/check-ins']?.post?.['x-roles']).toEqual(['poll-worker']);
    expect(
      Object.keys(
        (paths['/elections/{electionId}/turnout/live']?.get?.responses as Record<string, Node>)['200']
          ?.content as Node,
      ),
    ).toEqual(['text/event-stream']);
  });

  it('given the voter-roll document, when read, then the registry imports take the CSV file as the body', () => {
    const document = parse(generated.get('voter-roll') as string) as Node;
    const paths = document.paths as Record<string, Record<string, Node>>;

    expect(Object.keys(paths['/imports/civil-registry']?.post?.requestBody as Node)).toContain('content');
    expect(
      Object.keys((paths['/imports/civil-registry']?.post?.requestBody as Node).content as Node),
    ).toEqual(['text/csv']);
  });
});
