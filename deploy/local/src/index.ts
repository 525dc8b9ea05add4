export { localSigningKey, LOCAL_AUDIENCES, LOCAL_ISSUER, servicesOf } from './auth-keys';
export {
  advanceDrillClock,
  DRILL_CLOCK_ENVIRONMENT,
  readDrillClock,
  restartDrillClock,
  stackDatabaseUrl,
  startDrillClock,
  startIsolatedDrillClock,
} from './drill-clock';
export { startService, type RunningService } from './service-process';
export { schemaOf, SERVICES, type ServiceName } from './services';
export {
  startInfrastructure,
  startStack,
  type Infrastructure,
  type RunningStack,
  type StackOptions,
} from './stack';
export * from './polling-day-drill';
