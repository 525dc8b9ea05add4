import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Observable } from 'rxjs';
import type { RequestWithBody } from './json-bodies';

/** A route that reads a JSON body answers a malformed one with 400 naming (body); nothing runs. */
@Injectable()
export class MalformedBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const malformed = context.switchToHttp().getRequest<RequestWithBody>().malformedJson;
    if (malformed !== undefined && readsJsonBody(context)) {
      const rule = `expected a well-formed JSON document: ${malformed}`;
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `(body): ${rule}`,
        errors: [{ field: '(body)', rule }],
      });
    }
    return next.handle();
  }
}

function readsJsonBody(context: ExecutionContext): boolean {
  const metadata = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
    {}) as Record<string, unknown>;
  return Object.keys(metadata).some((key) => Number(key.split(':')[0]) === RouteParamtypes.BODY);
}
