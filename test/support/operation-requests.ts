import fc from 'fast-check';
import { conforms, validProperty, validValue } from './json-schema-values';
import type { JsonSchema, Operation } from './openapi-operations';

/** The election and precinct every example request names, so that a scoped token can name them too. */
export const EXAMPLE_SCOPE = { electionId: '01900000-0000-7000-8000-000000000001', precinctId: '0101-001' };

export interface OperationRequest {
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly query: readonly (readonly [string, string])[];
  /** the raw body, already encoded */
  readonly body: string | Buffer | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export interface OperationAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/** A well-formed request for an operation: example path and query values and a body its schema admits. */
export function exampleRequest(operation: Operation, seed = 1): OperationRequest {
  const sample = (schema: JsonSchema): unknown => fc.sample(validValue(schema), { numRuns: 1, seed })[0];
  const pathParameters = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => [
        parameter.name,
        String(
          scoped(parameter.name, parameter.schema) ??
            fc.sample(validProperty(parameter.name, parameter.schema), { numRuns: 1, seed })[0],
        ),
      ]),
  );
  const required = (where: 'query' | 'header') =>
    operation.parameters
      .filter((parameter) => parameter.in === where && parameter.required)
      .map((parameter) => [parameter.name, String(sample(parameter.schema))] as const);
  const query = required('query');
  const headers = Object.fromEntries(required('header'));
  if (!operation.body) return { pathParameters, query, body: undefined, headers };
  const value = withScope(sample(operation.body.schema), operation.body.schema);
  return {
    pathParameters,
    query,
    body:
      typeof value === 'string' && operation.body.contentType !== 'application/json'
        ? value
        : JSON.stringify(value),
    headers: { ...headers, 'content-type': operation.body.contentType },
  };
}

function scoped(name: string, schema: JsonSchema): string | undefined {
  const value = (EXAMPLE_SCOPE as Record<string, string>)[name];
  return value !== undefined && conforms(schema, value) ? value : undefined;
}

// a body that names an election or a precinct, at any depth, names the example ones
function withScope(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value))
    return value.map((item) => withScope(item, (schema['items'] ?? {}) as JsonSchema));
  if (typeof value !== 'object' || value === null) return value;
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => {
      const property = properties[name] ?? {};
      return [name, scoped(name, property) ?? withScope(item, property)];
    }),
  );
}

/** The URL of an operation on a service, its path placeholders filled and encoded. */
export function urlOf(base: string, operation: Operation, request: OperationRequest): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(request.pathParameters[name] ?? ''),
  );
  const search = new URLSearchParams(
    request.query.map(([name, value]): [string, string] => [name, value]),
  ).toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

/** One call; a stream (Server-Sent Events) is read no further than its status. */
export async function send(
  base: string,
  operation: Operation,
  request: OperationRequest,
  token: string | undefined,
): Promise<OperationAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(urlOf(base, operation, request), {
    method: operation.method,
    headers,
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: undefined, text: '' };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text itself
  }
  return { status: response.status, body, text };
}
