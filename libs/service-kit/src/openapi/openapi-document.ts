import { ParseBoolPipe, ParseIntPipe, ParseUUIDPipe, type DynamicModule, type Type } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';
import type { ControllerSource, MethodSource } from './controller-sources';
import { controllersOf, routesOf, type ControllerRoute, type RouteArgument } from './controller-routes';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/** A function a handler calls to read its body itself, e.g. a CSV upload streamed as it arrives. */
export interface BodyReader {
  readonly contentType: string;
  readonly description: string;
  readonly schema: JsonObject;
  /** statuses the reader answers with, beyond 400 */
  readonly statuses: readonly number[];
}

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  /** controller sources by class name (see readControllerSources), for comments and thrown errors */
  readonly sources: ReadonlyMap<string, ControllerSource>;
  readonly bodyReaders?: Readonly<Record<string, BodyReader>>;
}

export const BEARER_SCHEME = 'bearerAuth';

const ERROR_STATUSES: Readonly<Record<string, number>> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  GoneException: 410,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  UnprocessableEntityException: 422,
  ServiceUnavailableException: 503,
};

const ERROR_RESPONSES: Readonly<Record<number, readonly [string, string]>> = {
  400: ['BadRequest', 'Bad input: `errors` names each field and the rule it broke; nothing changed.'],
  401: [
    'Unauthorized',
    'No bearer token, or one that is expired, not yet valid or not signed by a trusted key.',
  ],
  403: [
    'Forbidden',
    'The token is valid but carries none of the roles the operation allows, or acts outside its scope (errors names roles or scope).',
  ],
  404: ['NotFound', 'The election, precinct, voter or other resource named in the path is not known.'],
  409: [
    'Conflict',
    'The request conflicts with the current state; `message` names the rule. Nothing changed.',
  ],
  410: ['Gone', 'The resource existed and is no longer available.'],
  413: ['PayloadTooLarge', 'The request body is larger than the service accepts.'],
  415: ['UnsupportedMediaType', 'The Content-Type is not the one the operation reads.'],
  422: ['UnprocessableEntity', 'Well-formed input the rules refuse; `message` says why. Nothing changed.'],
  503: ['ServiceUnavailable', 'A dependency (database or broker) cannot be reached.'],
};

const SUCCESS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work continues in the background',
  204: 'No content',
};

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

const ERROR_SCHEMA: JsonObject = {
  type: 'object',
  description:
    'Every 4xx and 5xx answer; every 4xx lists in errors each field (a dotted path, a header, (body), or (request) ' +
    'for the request as a whole) and the rule it broke.',
  required: ['statusCode', 'error', 'message', 'errors'],
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status again.' },
    error: { type: 'string', description: 'The status text, or the rule that refused the request.' },
    message: { type: 'string', description: 'What went wrong, for people.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule'],
        properties: {
          field: { type: 'string', description: 'The field, as a dotted path; (body) for the body itself.' },
          rule: { type: 'string', description: 'The rule the value broke.' },
        },
      },
    },
  },
};

/** An OpenAPI 3.1 document of every route of a module tree, read from metadata without starting it. */
export function generateOpenApi(root: Type<unknown> | DynamicModule, options: OpenApiOptions): JsonObject {
  const hoisted = new Map<string, Json>();
  const paths = new Map<string, Map<string, JsonObject>>();
  const usedStatuses = new Set<number>();
  const tags = new Map<string, string | undefined>();
  for (const controller of controllersOf(root)) {
    const source = options.sources.get(controller.name);
    for (const route of routesOf(controller)) {
      const method = route.method.toLowerCase();
      if (!METHOD_ORDER.includes(method))
        throw new Error(`${route.method} ${route.path}: not an OpenAPI method`);
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operations = paths.get(path) ?? new Map<string, JsonObject>();
      if (operations.has(method)) throw new Error(`${route.method} ${route.path} is declared twice`);
      const tag = tagOf(route.controller);
      tags.set(tag, source?.comment);
      const operation = operationOf(route, tag, source?.methods.get(route.handler), options, hoisted);
      for (const status of Object.keys(operation.responses as JsonObject)) usedStatuses.add(Number(status));
      operations.set(method, operation);
      paths.set(path, operations);
    }
  }
  const errorResponses = [...usedStatuses]
    .filter((status) => ERROR_RESPONSES[status])
    .sort((a, b) => a - b)
    .map((status) => {
      const [name, description] = ERROR_RESPONSES[status] as readonly [string, string];
      return [
        name,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ] as const;
    });
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, description: options.description },
    servers: options.servers.map((server) => ({ ...server })),
    tags: [...tags]
      .sort(([a], [b]) => compare(a, b))
      .map(([name, description]): JsonObject => (description ? { name, description } : { name })),
    paths: Object.fromEntries(
      [...paths]
        .sort(([a], [b]) => compare(a, b))
        .map(([path, operations]) => [
          path,
          Object.fromEntries(
            [...operations].sort(([a], [b]) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b)),
          ),
        ]),
    ),
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An Ed25519-signed JWT whose roles claim holds at least one of the roles listed on the operation ' +
            '(x-roles; a pattern like ministry:* admits every role with that prefix), whose aud names this ' +
            "service, whose lifetime is within its role's maximum, and whose scope claim (a poll worker's or " +
            "commission's election and precincts, district or region; national when absent) covers the " +
            'operation (x-scope). Every operation not marked public requires it: the guard denies by default.',
        },
      },
      schemas: Object.fromEntries([
        ['Error', ERROR_SCHEMA],
        ...[...hoisted].sort(([a], [b]) => compare(a, b)),
      ]),
      responses: Object.fromEntries(errorResponses),
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tagOf(controller: string): string {
  return controller.replace(/Controller$/, '') || controller;
}

function operationOf(
  route: ControllerRoute,
  tag: string,
  source: MethodSource | undefined,
  options: OpenApiOptions,
  hoisted: Map<string, Json>,
): JsonObject {
  const parameters = [
    ...parametersOf(route, 'path', hoisted),
    ...parametersOf(route, 'query', hoisted),
    ...(route.idempotent ? [idempotencyKeyParameter(route.idempotent.naturalId)] : []),
  ];
  const reader = source?.calls
    .map((name) => options.bodyReaders?.[name])
    .find((found): found is BodyReader => found !== undefined);
  const requestBody = reader
    ? {
        required: true,
        description: reader.description,
        content: { [reader.contentType]: { schema: reader.schema } },
      }
    : requestBodyOf(route, hoisted);
  const validates = route.arguments.some((argument) => argument.pipes.some((pipe) => schemaOfPipe(pipe)));
  const statuses = new Set<number>([
    ...(validates || reader ? [400] : []),
    ...(route.publicReason === undefined ? [401, 403] : []),
    ...(source?.throws ?? []).flatMap((name) => (ERROR_STATUSES[name] ? [ERROR_STATUSES[name]] : [])),
    ...(reader?.statuses ?? []),
    // a key still being answered, or reused for another request
    ...(route.idempotent ? [409, 422] : []),
  ]);
  const roles = route.publicReason === undefined ? [...(route.roles ?? [])] : [];
  const comment = source?.comment;
  const access =
    route.publicReason !== undefined
      ? `Public: ${route.publicReason}.`
      : roles.length > 0
        ? `Roles: ${roles.join(', ')}. Scope: ${scopeSentence(route.scope)}.`
        : 'No roles declared: the guard denies every caller.';
  return {
    tags: [tag],
    ...(comment ? { summary: summaryOf(comment) } : {}),
    description: comment ? `${comment}\n\n${access}` : access,
    operationId: `${route.controller}.${route.handler}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: Object.fromEntries([
      [String(route.status), successOf(route, source)],
      ...[...statuses]
        .filter((status) => status !== route.status)
        .sort((a, b) => a - b)
        .map((status) => [
          String(status),
          ERROR_RESPONSES[status]
            ? { $ref: `#/components/responses/${(ERROR_RESPONSES[status] as readonly [string, string])[0]}` }
            : { description: `HTTP ${status}` },
        ]),
    ]),
    security: route.publicReason === undefined ? [{ [BEARER_SCHEME]: roles }] : [],
    'x-roles': roles,
    ...(route.publicReason === undefined && route.scope ? { 'x-scope': { ...route.scope } } : {}),
    ...(route.publicReason !== undefined ? { 'x-public': route.publicReason } : {}),
  };
}

// how a token's scope is checked, in words for the description (x-scope carries the same as data)
function scopeSentence(scope: ControllerRoute['scope']): string {
  switch (scope?.kind) {
    case undefined:
      return 'none declared, the guard denies every caller';
    case 'national':
      return 'national tokens only';
    case 'unscoped':
      return `any, ${scope.reason}`;
    case 'election':
      return `a local token of the election in ${scope.election}`;
    case 'precinct':
      return `a local token must serve the precinct from ${scope.from} (election in ${scope.election})`;
    case 'territory':
      return `a local token must serve the territory from ${scope.from} (election in ${scope.election})`;
    default:
      return 'unknown';
  }
}

function idempotencyKeyParameter(naturalId: string | null): JsonObject {
  const natural = naturalId
    ? ` Without it, ${naturalId} in the body already makes a retry safe: the same ${naturalId} appends nothing again.`
    : '';
  return {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'A key the client chooses for this request (a UUID). A retry with the same key and the same request gets ' +
      'the first answer (same status and body, header Idempotent-Replayed: true) and changes nothing; the same ' +
      'key with another request answers 422, and while the first is still running 409.' +
      natural,
    schema: { type: 'string', minLength: 8, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  };
}

function summaryOf(comment: string): string {
  // the first sentence or clause; a colon introduces detail that belongs to it
  const sentence = /^(.+?[.;!?])(\s|$)/.exec(comment)?.[1] ?? comment;
  return sentence.replace(/[.;]$/, '');
}

function successOf(route: ControllerRoute, source: MethodSource | undefined): JsonObject {
  const description = SUCCESS_DESCRIPTIONS[route.status] ?? `HTTP ${route.status}`;
  if (route.sse) {
    return {
      description: `${description}: a stream of Server-Sent Events`,
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  }
  if (route.status === 204) return { description };
  const declared = route.headers['content-type'] ?? source?.contentType;
  if (declared) {
    return {
      description,
      content: { [declared.split(';')[0]?.trim() ?? declared]: { schema: { type: 'string' } } },
    };
  }
  return { description, content: { 'application/json': {} } };
}

function parametersOf(
  route: ControllerRoute,
  location: 'path' | 'query',
  hoisted: Map<string, Json>,
): JsonObject[] {
  const source = location === 'path' ? 'param' : 'query';
  const found = new Map<string, JsonObject>();
  for (const argument of route.arguments.filter((candidate) => candidate.source === source)) {
    for (const [name, schema, required] of fieldsOf(argument, hoisted)) {
      found.set(name, {
        name,
        in: location,
        required: location === 'path' || required,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema,
      });
    }
  }
  if (location === 'path') {
    // a placeholder no handler argument reads is still part of the path
    for (const [, name] of route.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
      if (name && !found.has(name))
        found.set(name, { name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  return [...found.values()];
}

function fieldsOf(argument: RouteArgument, hoisted: Map<string, Json>): [string, JsonObject, boolean][] {
  const schema = schemaOfPipes(argument, hoisted);
  if (argument.field !== undefined) return [[argument.field, schema ?? { type: 'string' }, true]];
  if (!schema) return [];
  const properties = (schema.properties ?? {}) as Readonly<Record<string, JsonObject>>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => [name, property, required.has(name)]);
}

function requestBodyOf(route: ControllerRoute, hoisted: Map<string, Json>): JsonObject | undefined {
  const bodies = route.arguments.filter((argument) => argument.source === 'body');
  if (bodies.length === 0) return undefined;
  const whole = bodies.find((argument) => argument.field === undefined);
  const schema: JsonObject = whole
    ? (schemaOfPipes(whole, hoisted) ?? { type: 'object' })
    : {
        type: 'object',
        properties: Object.fromEntries(
          bodies.map((argument) => [argument.field as string, schemaOfPipes(argument, hoisted) ?? {}]),
        ),
      };
  return { required: true, content: { 'application/json': { schema } } };
}

function schemaOfPipes(argument: RouteArgument, hoisted: Map<string, Json>): JsonObject | undefined {
  for (const pipe of argument.pipes) {
    const schema = schemaOfPipe(pipe);
    if (schema) return hoist(schema, hoisted);
  }
  return undefined;
}

function schemaOfPipe(pipe: unknown): JsonObject | undefined {
  if (pipe instanceof ZodValidationPipe) {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(pipe.schema as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    });
    return schema as JsonObject;
  }
  if (pipe instanceof ParseUUIDPipe || pipe === ParseUUIDPipe) return { type: 'string', format: 'uuid' };
  if (pipe instanceof ParseIntPipe || pipe === ParseIntPipe) return { type: 'integer' };
  if (pipe instanceof ParseBoolPipe || pipe === ParseBoolPipe) return { type: 'boolean' };
  return undefined;
}

// named sub-schemas move to components.schemas, where their references resolve in the whole document
function hoist(schema: JsonObject, hoisted: Map<string, Json>): JsonObject {
  const { $defs, ...rest } = schema as JsonObject & { $defs?: Readonly<Record<string, Json>> };
  if (!$defs) return schema;
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string'
          ? value.replace(/^#\/\$defs\//, '#/components/schemas/')
          : rewrite(value as Json),
      ]),
    );
  };
  for (const [name, definition] of Object.entries($defs)) {
    const moved = rewrite(definition);
    const known = hoisted.get(name);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(moved))
      throw new Error(`two different schemas are both named ${name}`);
    hoisted.set(name, moved);
  }
  return rewrite(rest) as JsonObject;
}
