import 'reflect-metadata';

for (const name of ['TEST_KAFKA_BROKERS', 'TEST_DATABASE_URL']) {
  if (!process.env[name])
    throw new Error(`${name} is not set: integration tests run only after the jest global setup`);
}
