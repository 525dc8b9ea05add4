export { freePort } from './free-port';
export { TestSchema, testDatabaseUrl, testKafkaBrokers } from './test-database';
export { resolveTestInfrastructure, type TestInfrastructure } from './test-infrastructure';
export { auditEndpointAccess, PLATFORM_PUBLIC_ENDPOINTS } from './endpoint-access-audit';
export { consumerCaughtUp } from './consumer-lag';
export { eventually } from './eventually';
export { testServiceEnvironment } from './service-environment';
export {
  startServiceUnderTest,
  type Answer,
  type RequestOptions,
  type ServiceUnderTest,
  type ServiceUnderTestOptions,
} from './service-under-test';
export { NOWHERE_SCOPE, TestTokens } from './test-tokens';
export { byKey, readTopic, type ReadTopicOptions, type TopicMessage } from './topic-reader';
export { EventFeed, type FedEvent } from './event-feed';
export { TestClock } from './test-clock';
export { consumedTopics } from './consumed-topics';
