import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

const STATUS_BY_ERROR_NAME: Readonly<Record<string, number>> = {
  EventContractViolation: 400,
  StreamVersionConflict: 409,
  EventIdReused: 409,
};

/** Ledger errors that are the caller's to fix become 4xx with the ledger's own message; others as usual. */
@Catch()
export class LedgerErrorsFilter extends BaseExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const status = error instanceof Error ? STATUS_BY_ERROR_NAME[error.name] : undefined;
    if (status === undefined || host.getType() !== 'http') return super.catch(error, host);
    const { name, message } = error as Error;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ statusCode: status, error: name, message });
  }
}
