import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { errorAnswerOf } from './errors/error-answer';

/** Every 4xx answer in one shape with errors[] (field, rule), ledger errors included; 5xx as usual. */
@Catch()
export class LedgerErrorsFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const answer = host.getType() === 'http' ? errorAnswerOf(error) : undefined;
    if (answer === undefined) return super.catch(error, host);
    host.switchToHttp().getResponse<Response>().status(answer.status).json(answer.body);
  }
}
