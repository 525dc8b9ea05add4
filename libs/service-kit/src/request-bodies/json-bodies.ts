import type { INestApplication } from '@nestjs/common';
import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { errorAnswerOf } from '../errors/error-answer';
import { HttpException } from '@nestjs/common';

/** A JSON body the parser could not read, kept for the route to answer (MalformedBodyInterceptor). */
export type RequestWithBody = Request & { malformedJson?: string };

interface BodyParserError extends Error {
  readonly type?: string;
  readonly status?: number;
}

/**
 * JSON and form bodies as Nest parses them by default, but a malformed one is left to the route: a JSON route
 * answers 400 naming (body), a route that reads its own body (a CSV upload) answers 415 for the wrong type.
 */
export function parseRequestBodies(app: INestApplication): void {
  app.use(
    json(),
    urlencoded({ extended: true }),
    (error: BodyParserError, request: RequestWithBody, response: Response, next: NextFunction) => {
      if (error.type === 'entity.parse.failed') {
        request.malformedJson = error.message;
        return next();
      }
      const status = error.status ?? 500;
      if (status >= 500) return next(error);
      // too large, an unsupported charset or encoding: the same one shape as every other 4xx
      const answer = errorAnswerOf(new HttpException(error.message, status));
      response.status(status).json(answer?.body);
    },
  );
}
