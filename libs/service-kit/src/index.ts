export { createServiceApp, runService, type AppModuleFactory } from './bootstrap';
export { checkDatabase, checkKafka, DependencyUnavailable } from './dependency-checks';
export { createKafka, KAFKA } from './kafka-client';
export { loadServiceConfig, serviceConfigSchema, type ServiceConfig } from './service-config';
export { schemaNameOf, type ServiceDescriptor } from './service-descriptor';
export {
  SERVICE_CONFIG,
  SERVICE_DESCRIPTOR,
  ServiceKitModule,
  type ServiceKitOptions,
} from './service-kit.module';
export { errorAnswerOf, type ErrorAnswer, type ErrorBody, type FieldError } from './errors/error-answer';
export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_METADATA,
  Idempotent,
  IdempotencyInterceptor,
  IdempotentRequests1763860001000,
  IdempotentRequestsStore,
} from './idempotency';
export { LedgerErrorsFilter } from './ledger-errors.filter';
export { ZodValidationPipe } from './zod-validation.pipe';
export { csvBody } from './csv-upload';
export {
  headerIssues,
  openCsv,
  type CsvFile,
  type CsvIssue,
  type CsvLine,
  type CsvRow,
} from './csv/csv-file';
