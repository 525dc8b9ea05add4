import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_METADATA, ROLES_METADATA } from './access-rules';
import { SCOPE_METADATA, type ScopeDeclaration } from './scoped';

export interface EndpointAccess {
  readonly endpoint: string;
  readonly roles: readonly string[] | undefined;
  readonly publicReason: string | undefined;
  /** where the endpoint's territory comes from, e.g. `precinct from body.precinctId` */
  readonly scope: string | undefined;
}

/** Every HTTP handler of an application with its declared access rule, for the no-default-allow test. */
export function listEndpointAccess(app: INestApplicationContext): EndpointAccess[] {
  const endpoints: EndpointAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        )
          continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        endpoints.push({
          endpoint: `${RequestMethod[method]} ${controller.name}.${name}`,
          roles:
            Reflect.getMetadata(ROLES_METADATA, handler) ?? Reflect.getMetadata(ROLES_METADATA, controller),
          publicReason:
            Reflect.getMetadata(PUBLIC_METADATA, handler) ?? Reflect.getMetadata(PUBLIC_METADATA, controller),
          scope: (
            (Reflect.getMetadata(SCOPE_METADATA, handler) ??
              Reflect.getMetadata(SCOPE_METADATA, controller)) as ScopeDeclaration | undefined
          )?.description,
        });
      }
    }
  }
  return endpoints;
}
