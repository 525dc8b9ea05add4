import {
  ConflictException,
  HttpException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { errorAnswerOf } from '../errors/error-answer';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key';
import { IdempotentRequestsStore } from './idempotent-requests.store';
import { requestFingerprint } from './request-fingerprint';

// input the service did not understand decided nothing: the key stays free for the corrected request
const NOT_KEPT = new Set([400, 413, 415]);

/**
 * A request with an Idempotency-Key is answered once: a retry gets the first answer (same status, same body) and
 * runs nothing; the same key on another request is a 422 naming the header; one still running is a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotentRequestsStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = idempotencyKeyOf(request.headers);
    if (key === undefined) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.answerOnce(key, request, response, next));
  }

  private async answerOnce(
    key: string,
    request: Request,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const route = `${request.method} ${request.route?.path ?? request.path}`;
    const claim = await this.store.claim(key, requestFingerprint(request), route);
    if (claim.kind === 'other-request') {
      throw keyRefused(
        new UnprocessableEntityException(),
        `was first used for another request (${claim.route}, another body or caller): use a new key for a new request`,
      );
    }
    if (claim.kind === 'in-progress')
      throw keyRefused(
        new ConflictException(),
        'the first request with this key is still being answered: retry shortly',
      );
    if (claim.kind === 'answered') {
      response.setHeader('Idempotent-Replayed', 'true');
      response.status(claim.status);
      return claim.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // the route's status, or the one the handler chose (a check-in's 200, 201 or 409)
      await this.store.answer(key, response.statusCode, body);
      return body;
    } catch (error) {
      const answer = errorAnswerOf(error);
      if (answer && !NOT_KEPT.has(answer.status)) await this.store.answer(key, answer.status, answer.body);
      else await this.store.release(key);
      throw error;
    }
  }
}

function keyRefused(exception: HttpException, rule: string): HttpException {
  const status = exception.getStatus();
  return new HttpException(
    {
      statusCode: status,
      error: exception.message,
      message: `${IDEMPOTENCY_KEY_HEADER}: ${rule}`,
      errors: [{ field: IDEMPOTENCY_KEY_HEADER, rule }],
    },
    status,
  );
}
