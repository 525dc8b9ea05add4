export { ensureKafkaJars, kafkaVersion, KAFKA_POM } from './kafka-artifacts';
export { startKafkaBroker, stopProcess, type BrokerOptions, type RunningBroker } from './kafka-broker';
export { ephemeralLedgerKey, localLedgerKey } from './ledger-keys';
export { cacheDir, REPO_ROOT } from './locations';
export { ensureDatabase, ensureLocalPostgres, ensureServiceSchemas, LOCAL_ADMIN_URL } from './postgres';
