export { ConfigurationError, loadConfig, type Environment } from './load-config';
export { envBrokerList, envJson, envLogLevel, envPort, envPostgresUrl, envSqlIdentifier } from './env-types';
