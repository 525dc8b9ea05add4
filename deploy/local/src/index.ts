export { localSigningKey, LOCAL_AUDIENCE, LOCAL_ISSUER } from './auth-keys';
export { ensureKafkaJars, kafkaVersion } from './kafka-artifacts';
export { startKafkaBroker, stopProcess, type BrokerOptions, type RunningBroker } from './kafka-broker';
export { cacheDir, REPO_ROOT } from './locations';
export { ensureDatabase, ensureLocalPostgres, ensureServiceSchemas, LOCAL_ADMIN_URL } from './postgres';
export { startService, type RunningService } from './service-process';
export { schemaOf, SERVICES, type ServiceName } from './services';
export {
  startInfrastructure,
  startStack,
  type Infrastructure,
  type RunningStack,
  type StackOptions,
} from './stack';
export { ephemeralLedgerKey, localLedgerKey } from './ledger-keys';
export * from './polling-day-drill';
