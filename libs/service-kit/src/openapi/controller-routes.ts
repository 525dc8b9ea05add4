import { RequestMethod, type DynamicModule, type PipeTransform, type Type } from '@nestjs/common';
import {
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  MODULE_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import {
  PUBLIC_METADATA,
  ROLES_METADATA,
  SCOPE_METADATA,
  type ScopeDeclaration,
  type ScopeDocument,
} from '@vl/auth';
import { IDEMPOTENT_METADATA } from '../idempotency/idempotent.decorator';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => unknown };
type Controller = Type<unknown>;

/** One argument a handler reads from the request, with the pipes that validate it. */
export interface RouteArgument {
  readonly source: 'body' | 'query' | 'param' | 'headers' | 'request' | 'response' | 'other';
  /** the single field asked for, as in `@Param('id')`; undefined for the whole part */
  readonly field: string | undefined;
  readonly pipes: readonly unknown[];
}

/** An HTTP route as Nest would register it, read from decorator metadata without starting anything. */
export interface ControllerRoute {
  readonly controller: string;
  readonly handler: string;
  readonly method: string;
  /** Express form, e.g. /elections/:electionId */
  readonly path: string;
  readonly status: number;
  readonly sse: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly arguments: readonly RouteArgument[];
  readonly roles: readonly string[] | undefined;
  readonly publicReason: string | undefined;
  /** where the operation's election, precinct or territory comes from (@Scoped) */
  readonly scope: ScopeDocument | undefined;
  /** declared @Idempotent(): takes an Idempotency-Key header; naturalId names a body field that also serves */
  readonly idempotent: { readonly naturalId: string | null } | undefined;
}

const SOURCES: Partial<Record<RouteParamtypes, RouteArgument['source']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'param',
  [RouteParamtypes.HEADERS]: 'headers',
  [RouteParamtypes.REQUEST]: 'request',
  [RouteParamtypes.RESPONSE]: 'response',
};

/** The controllers of a module tree: its own, then those of its imports, depth first, each once. */
export function controllersOf(root: ModuleRef): Controller[] {
  const seen = new Set<unknown>();
  const controllers: Controller[] = [];
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || ref instanceof Promise) return;
    if ('forwardRef' in ref) return visit(ref.forwardRef() as ModuleRef);
    if (seen.has(ref)) return;
    seen.add(ref);
    const dynamic = 'module' in ref ? ref : undefined;
    const type = dynamic ? dynamic.module : (ref as Type<unknown>);
    const own = [
      ...metadataList<Controller>(MODULE_METADATA.CONTROLLERS, type),
      ...(dynamic?.controllers ?? []),
    ];
    for (const controller of own) if (!controllers.includes(controller)) controllers.push(controller);
    for (const child of [
      ...metadataList<ModuleRef>(MODULE_METADATA.IMPORTS, type),
      ...((dynamic?.imports ?? []) as ModuleRef[]),
    ])
      visit(child);
  };
  visit(root);
  return controllers;
}

function metadataList<T>(key: string, type: object): T[] {
  return (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
}

/** Every route handler of a controller, in declaration order. */
export function routesOf(controller: Controller): ControllerRoute[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
  return Object.getOwnPropertyNames(prototype).flatMap((handler) => {
    const fn = prototype[handler];
    if (handler === 'constructor' || typeof fn !== 'function') return [];
    const own = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
    if (own === undefined) return [];
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
    const headers = (Reflect.getMetadata(HEADERS_METADATA, fn) ?? []) as { name: string; value: string }[];
    const route = {
      controller: controller.name,
      handler,
      method,
      status:
        (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ??
        (method === 'POST' ? 201 : 200),
      sse: Reflect.getMetadata(SSE_METADATA, fn) === true,
      headers: Object.fromEntries(headers.map(({ name, value }) => [name.toLowerCase(), value])),
      arguments: argumentsOf(controller, handler),
      roles: Reflect.getMetadata(ROLES_METADATA, fn) ?? Reflect.getMetadata(ROLES_METADATA, controller),
      publicReason:
        Reflect.getMetadata(PUBLIC_METADATA, fn) ?? Reflect.getMetadata(PUBLIC_METADATA, controller),
      scope: (
        (Reflect.getMetadata(SCOPE_METADATA, fn) ?? Reflect.getMetadata(SCOPE_METADATA, controller)) as
          ScopeDeclaration | undefined
      )?.document,
      idempotent: Reflect.getMetadata(IDEMPOTENT_METADATA, fn) as ControllerRoute['idempotent'],
    };
    return base.flatMap((prefix) => pathsOf(own).map((path) => ({ ...route, path: joinPath(prefix, path) })));
  });
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

function argumentsOf(controller: Controller, handler: string): RouteArgument[] {
  const metadata = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: (PipeTransform | Type<PipeTransform>)[] }
  >;
  return Object.entries(metadata)
    .sort(([, a], [, b]) => a.index - b.index)
    .map(([key, argument]) => ({
      source: SOURCES[Number(key.split(':')[0]) as RouteParamtypes] ?? 'other',
      field: typeof argument.data === 'string' ? argument.data : undefined,
      pipes: argument.pipes ?? [],
    }));
}
