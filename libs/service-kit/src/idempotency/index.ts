export { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key';
export { IdempotencyInterceptor } from './idempotency.interceptor';
export { IDEMPOTENT_METADATA, Idempotent } from './idempotent.decorator';
export { IdempotentRequests1763860001000 } from './idempotent-requests.migration';
export { IdempotentRequestsStore } from './idempotent-requests.store';
