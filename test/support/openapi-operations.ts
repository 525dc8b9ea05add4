import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@vl/contracts';
import { parse } from 'yaml';

export type JsonSchema = { readonly [key: string]: unknown };

export interface OperationParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of a service's generated OpenAPI document, with what a test needs to call it. */
export interface Operation {
  readonly service: ServiceName;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** the document's path, e.g. /elections/{electionId} */
  readonly path: string;
  readonly operationId: string;
  /** undefined for a public operation */
  readonly roles: readonly string[] | undefined;
  /** the scope the operation checks (x-scope), when the document declares one */
  readonly scope: unknown;
  readonly parameters: readonly OperationParameter[];
  /** the request body's media type and schema (references resolved), when it takes one */
  readonly body: { readonly contentType: string; readonly schema: JsonSchema } | undefined;
  readonly label: string;
}

// test/support → repository root
const repositoryRoot = join(__dirname, '..', '..');

/** Every operation of every service, read from docs/openapi/<service>.yaml: a new endpoint joins by itself. */
export function allOperations(): Operation[] {
  return SERVICE_NAMES.flatMap(operationsOf);
}

export function operationsOf(service: ServiceName): Operation[] {
  const document = parse(
    readFileSync(join(repositoryRoot, 'docs', 'openapi', `${service}.yaml`), 'utf8'),
  ) as JsonSchema;
  const resolve = (node: unknown): unknown => resolveReferences(document, node, new Set());
  const paths = (document['paths'] ?? {}) as Record<string, Record<string, JsonSchema>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): Operation => {
      const content = (operation['requestBody'] as JsonSchema | undefined)?.['content'] as
        Record<string, JsonSchema> | undefined;
      const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
      const roles =
        operation['x-public'] === undefined ? ((operation['x-roles'] ?? []) as string[]) : undefined;
      return {
        service,
        method: method.toUpperCase() as Operation['method'],
        path,
        operationId: String(operation['operationId']),
        roles,
        scope: operation['x-scope'],
        parameters: ((operation['parameters'] ?? []) as JsonSchema[]).map((parameter) => ({
          name: String(parameter['name']),
          in: parameter['in'] as OperationParameter['in'],
          required: parameter['required'] === true,
          schema: (resolve(parameter['schema']) ?? {}) as JsonSchema,
        })),
        body:
          contentType && media
            ? { contentType, schema: (resolve(media['schema']) ?? {}) as JsonSchema }
            : undefined,
        label: `${service} ${method.toUpperCase()} ${path}`,
      };
    }),
  );
}

// a recursive schema keeps its reference after the first level, which generators treat as "anything"
function resolveReferences(document: JsonSchema, node: unknown, seen: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveReferences(document, item, seen));
  if (typeof node !== 'object' || node === null) return node;
  const reference = (node as JsonSchema)['$ref'];
  if (typeof reference === 'string' && reference.startsWith('#/')) {
    if (seen.has(reference)) return {};
    const target = reference
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as JsonSchema | undefined)?.[key], document);
    return resolveReferences(document, target, new Set([...seen, reference]));
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, resolveReferences(document, value, seen)]),
  );
}
