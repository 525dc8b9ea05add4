export { createJsonLogger, loggerOptions, REDACTED_PATHS } from './json-logger';
export { HttpMetricsInterceptor } from './http-metrics.interceptor';
export { ServiceMetrics } from './metrics';
