import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export const IDEMPOTENT_METADATA = 'vl:idempotent';

/**
 * A creating POST that takes an Idempotency-Key header: a retry returns the first answer and appends nothing
 * (idempotent_requests). `naturalId` names a body field that already makes the request idempotent by itself.
 */
export const Idempotent = (naturalId?: string) =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, { naturalId: naturalId ?? null }),
    UseInterceptors(IdempotencyInterceptor),
  );
